import { PolicyPack } from "@pulumi/policy";
import { awsCloudwatchLogGroupRetention } from "./aws-cloudwatch-log-group-retention";
import { awsEbsVolumeEncrypted } from "./aws-ebs-volume-encrypted";
import { awsEc2SecurityGroupNoPublicIngress } from "./aws-ec2-security-group-no-public-ingress";
import { awsEcrRepositoryEncrypted } from "./aws-ecr-repository-encrypted";
import { awsEcrRepositoryScanOnPush } from "./aws-ecr-repository-scan-on-push";
import { awsEksClusterControlPlaneLogging } from "./aws-eks-cluster-control-plane-logging";
import { awsEksClusterEndpointRestricted } from "./aws-eks-cluster-endpoint-restricted";
import { awsEksClusterSecretsEncrypted } from "./aws-eks-cluster-secrets-encrypted";
import { awsEksNodegroupNoRemoteAccess } from "./aws-eks-nodegroup-no-remote-access";
import { awsIamIrsaTrustPinned } from "./aws-iam-irsa-trust-pinned";
import { awsIamOidcTrustPinned } from "./aws-iam-oidc-trust-pinned";
import { awsIamPolicyNoWildcardAdmin } from "./aws-iam-policy-no-wildcard-admin";
import { awsLaunchtemplateImdsv2HopLimit1 } from "./aws-launchtemplate-imdsv2-hop-limit-1";
import { awsLaunchtemplateVolumesEncrypted } from "./aws-launchtemplate-volumes-encrypted";
import { awsS3BucketEncrypted } from "./aws-s3-bucket-encrypted";
import { awsStorageEncryptedWithKms } from "./aws-storage-encrypted-with-kms";
import { kubernetesNamespaceDefaultDeny } from "./kubernetes-namespace-default-deny";
import { kubernetesIngressTlsOnly } from "./kubernetes-ingress-tls-only";
import { kubernetesNamespacePodSecurityRestricted } from "./kubernetes-namespace-pod-security-restricted";
import { kubernetesPodApparmorNotUnconfined } from "./kubernetes-pod-apparmor-not-unconfined";
import { kubernetesPodCapabilitiesRestricted } from "./kubernetes-pod-capabilities-restricted";
import { kubernetesPodHealthProbes } from "./kubernetes-pod-health-probes";
import { kubernetesPodImagePinned } from "./kubernetes-pod-image-pinned";
import { kubernetesPodNoHostNamespaces } from "./kubernetes-pod-no-host-namespaces";
import { kubernetesPodNoHostPathVolumes } from "./kubernetes-pod-no-host-path-volumes";
import { kubernetesPodNoHostPorts } from "./kubernetes-pod-no-host-ports";
import { kubernetesPodNoHostProcess } from "./kubernetes-pod-no-host-process";
import { kubernetesPodNoPrivilegeEscalation } from "./kubernetes-pod-no-privilege-escalation";
import { kubernetesPodNoPrivileged } from "./kubernetes-pod-no-privileged";
import { kubernetesPodNoProbeHost } from "./kubernetes-pod-no-probe-host";
import { kubernetesPodProcMountDefault } from "./kubernetes-pod-proc-mount-default";
import { kubernetesPodReadOnlyRootFilesystem } from "./kubernetes-pod-read-only-root-filesystem";
import { kubernetesPodResourceLimits } from "./kubernetes-pod-resource-limits";
import { kubernetesPodRestrictedVolumeTypes } from "./kubernetes-pod-restricted-volume-types";
import { kubernetesPodRunAsNonRoot } from "./kubernetes-pod-run-as-non-root";
import { kubernetesPodSafeSysctls } from "./kubernetes-pod-safe-sysctls";
import { kubernetesPodSeccompRestricted } from "./kubernetes-pod-seccomp-restricted";
import { kubernetesPodSelinuxRestricted } from "./kubernetes-pod-selinux-restricted";
import { kubernetesStorageclassEncrypted } from "./kubernetes-storageclass-encrypted";

/** The EventSphere security design (shared/seed/eventsphere-security.md) as CrossGuard policies. */
new PolicyPack("eventsphere-security", {
    policies: [
        // Pod Security Standards, restricted profile (baseline controls included).
        kubernetesPodNoHostProcess, kubernetesPodNoHostNamespaces, kubernetesPodNoPrivileged, kubernetesPodCapabilitiesRestricted,
        kubernetesPodNoHostPathVolumes, kubernetesPodNoHostPorts, kubernetesPodNoProbeHost, kubernetesPodApparmorNotUnconfined,
        kubernetesPodSelinuxRestricted, kubernetesPodProcMountDefault, kubernetesPodSeccompRestricted, kubernetesPodSafeSysctls,
        kubernetesPodRestrictedVolumeTypes, kubernetesPodNoPrivilegeEscalation, kubernetesPodRunAsNonRoot,
        kubernetesPodResourceLimits, kubernetesNamespacePodSecurityRestricted, kubernetesStorageclassEncrypted, kubernetesIngressTlsOnly,
        // Advisory by default; the pack's config can make them mandatory.
        kubernetesPodReadOnlyRootFilesystem, kubernetesPodHealthProbes, kubernetesPodImagePinned, kubernetesNamespaceDefaultDeny,
        // AWS controls.
        awsEbsVolumeEncrypted, awsLaunchtemplateVolumesEncrypted, awsLaunchtemplateImdsv2HopLimit1, awsEksNodegroupNoRemoteAccess,
        awsEksClusterControlPlaneLogging, awsEksClusterEndpointRestricted, awsEksClusterSecretsEncrypted, awsEcrRepositoryScanOnPush,
        awsEcrRepositoryEncrypted, awsEc2SecurityGroupNoPublicIngress, awsIamPolicyNoWildcardAdmin, awsIamIrsaTrustPinned, awsIamOidcTrustPinned,
        awsCloudwatchLogGroupRetention, awsStorageEncryptedWithKms, awsS3BucketEncrypted,
    ],
});
