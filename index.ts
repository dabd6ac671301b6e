/**
 * EventSphere on AWS EKS: one stack per environment, composed from components.
 * The security design these components implement is shared/seed/eventsphere-security.md.
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { addonVersionsByKubernetesVersion } from "./infra/addon-versions";
import { ClusterAddons } from "./infra/addons";
import { Cluster } from "./infra/cluster";
import { readStackConfig } from "./infra/config";
import { ThreatDetection } from "./infra/detection";
import { Edge } from "./infra/edge";
import { EncryptionKeys } from "./infra/kms";
import { LogGroups } from "./infra/logging";
import { Network } from "./infra/network";
import { NodeGroups } from "./infra/node-groups";
import { NotificationTopics, topicArns } from "./infra/notifications";
import { ArnBuilder } from "./infra/policy-document";
import { ImageRegistry } from "./infra/registry";
import { ApplicationSecrets } from "./infra/secrets";
import { VolumeBackup } from "./infra/backup";
import { WorkloadRoles } from "./infra/workload-roles";
import { namespaces, serviceAccounts } from "./infra/namespaces";
import { EventSphereApplication } from "./k8s/application";
import { applicationBudget } from "./k8s/budget";
import { ExternalSecrets } from "./k8s/external-secrets";
import { FluentBit } from "./k8s/fluent-bit";
import { registryHost } from "./k8s/images";
import { PublicIngress } from "./k8s/ingress";
import { LoadBalancerController } from "./k8s/load-balancer-controller";
import { Monitoring } from "./k8s/monitoring";
import { WorkloadNamespace } from "./k8s/namespace";
import { syncedSecrets } from "./k8s/service-secrets";
import { EncryptedStorageClass } from "./k8s/storage-class";
import { ImageVerification, signerOf, verificationLabel } from "./k8s/image-verification";
import { CiIdentities } from "./infra/ci-identities";
import { clusterAccessEntries } from "./infra/cluster-access";
import { PulumiDeployments } from "./infra/deployments";
import { version as policyPackVersion } from "./policies/package.json";

export = async () => {
    const config = readStackConfig();
    const { namePrefix, protectStatefulResources: protectData } = config;
    const arns = new ArnBuilder(config.accountId, config.region);
    const tags = { Project: "eventsphere", Environment: config.environment, ManagedBy: "pulumi" };
    const awsProvider = new aws.Provider("aws", {
        region: config.region as aws.Region,
        allowedAccountIds: [config.accountId],
        defaultTags: { tags },
    });
    const onAws = { providers: [awsProvider] };
    const clusterName = namePrefix;
    const secretPrefix = `eventsphere/${config.environment}`;
    const topics = topicArns(namePrefix, arns);

    // Nothing in this block waits for the cluster: a first `pulumi up` builds it in parallel.
    const keys = new EncryptionKeys("keys", { namePrefix, arns, protectData }, onAws);
    const logs = new LogGroups("logs", { clusterName, retentionDays: config.cluster.logRetentionDays, logsKeyArn: keys.arns.logs, protectData }, onAws);
    const registry = new ImageRegistry("images", {
        namePrefix, protectData, kmsKeyArn: keys.arns.data,
        repositories: [...new Set([...config.services.map(s => s.image.repository), config.mongodb.image.repository])],
    }, onAws);
    const notifications = new NotificationTopics("topics", { namePrefix, arns, kmsKeyArn: keys.arns.data, alertEmail: config.alertEmail }, onAws);
    const secrets = new ApplicationSecrets("secrets", { namePrefix, secretPrefix, kmsKeyArn: keys.arns.data, topicArns: topics, protectData }, onAws);
    const edge = new Edge("edge", { namePrefix, ...config.edge }, onAws);
    const backup = new VolumeBackup("backup", { namePrefix, arns, kmsKeyArn: keys.arns.ebs, retentionDays: config.backup.retentionDays, protectData }, onAws);
    if (config.ownsAccountSecurityServices) {
        new ThreatDetection("detection", { namePrefix, arns, dataKeyArn: keys.arns.data, alertsTopicArn: notifications.topicArns.alerts, protectData }, onAws);
    }

    // CI identities first: the cluster's access entries name the preview and deploy roles.
    const project = pulumi.getProject();
    const stack = pulumi.getStack();
    const ci = config.delivery && new CiIdentities("ci", { namePrefix, project, stack, delivery: config.delivery, arns, dataKeyAlias: `${namePrefix}-data` }, onAws);
    const clusterAccess = clusterAccessEntries(config, arns, ci !== undefined);

    const network = new Network("network", { namePrefix, clusterName, arns, ...config.network, logsKeyArn: keys.arns.logs, protectData }, onAws);
    const cluster = new Cluster("cluster", {
        clusterName,
        kubernetesVersion: config.cluster.kubernetesVersion,
        vpcId: network.vpcId,
        privateSubnetIds: network.privateSubnetIds,
        publicEndpointCidrs: config.cluster.publicEndpointCidrs,
        secretsKeyArn: keys.arns.eks,
        access: clusterAccess,
        deletionProtection: config.cluster.deletionProtection,
        tags,
        waitFor: [...logs.groups, ...(ci?.roles ?? [])],
    }, onAws);
    const addons = new ClusterAddons("addons", {
        namePrefix, clusterName: cluster.clusterName, arns, oidc: cluster.oidc, ebsKeyAlias: `${namePrefix}-ebs`,
        versions: addonVersionsByKubernetesVersion[config.cluster.kubernetesVersion],
    }, onAws);
    const nodes = new NodeGroups("nodes", {
        namePrefix, clusterName: cluster.clusterName, arns, groups: config.nodeGroups, privateSubnetIds: network.privateSubnetIds,
        ebsKeyArn: keys.arns.ebs, tags, waitFor: addons.beforeNodes,
    }, onAws);
    addons.addNodeDependentAddons(nodes.nodeGroups);
    const roles = new WorkloadRoles("workload-roles", {
        namePrefix, oidc: cluster.oidc, arns, services: config.services, topicArns: topics, secretPrefix,
        dataKeyAlias: `${namePrefix}-data`, logGroups: logs.names,
    }, onAws);

    // In the cluster, through a provider that waits for the nodes and every add-on.
    const kubernetes = new k8s.Provider("cluster", { kubeconfig: cluster.kubeconfig, enableServerSideApply: true }, {
        dependsOn: [...nodes.nodeGroups, ...addons.beforeNodes, ...addons.afterNodes],
    });
    const onCluster = { providers: [kubernetes] };
    const kubernetesVersion = config.cluster.kubernetesVersion;
    const storage = new EncryptedStorageClass("encrypted-gp3", {
        name: "encrypted-gp3", kmsKeyAliasArn: arns.regional("kms", `alias/${namePrefix}-ebs`), volumeTags: { "eventsphere.io/backup": "mongodb" },
    }, onCluster);
    // Admission checks image signatures in the application namespace: its webhook runs before anything is created there.
    const imageVerification = new ImageVerification("image-verification", {
        namespace: new WorkloadNamespace("image-verification", { name: namespaces.imageVerification, podSecurity: "restricted", kubernetesVersion }, onCluster),
        imagePrefix: `${registryHost(config.accountId, config.region)}/${namePrefix}`, signer: signerOf(config), mode: config.imageSigning.enforce ? "enforce" : "warn",
        serviceAccount: serviceAccounts.policyController, roleArn: roles.roleArns["policy-controller"], region: config.region,
    }, onCluster);
    const appNamespace = new WorkloadNamespace("application", {
        name: namespaces.application, podSecurity: "restricted", kubernetesVersion, budget: applicationBudget(config.services, config.mongodb),
        labels: verificationLabel, waitFor: [imageVerification],
    }, onCluster);
    const secretsNamespace = new WorkloadNamespace("external-secrets", { name: namespaces.externalSecrets, podSecurity: "restricted", kubernetesVersion }, onCluster);
    // Fluent Bit reads the nodes' log files: this namespace is privileged on purpose and exempt in the policy pack.
    const loggingNamespace = new WorkloadNamespace("logging", { name: namespaces.logging, podSecurity: "privileged", kubernetesVersion }, onCluster);
    const monitoringNamespace = new WorkloadNamespace("monitoring", { name: namespaces.monitoring, podSecurity: "restricted", kubernetesVersion }, onCluster);

    new ExternalSecrets("external-secrets", {
        operatorNamespace: secretsNamespace, serviceAccount: serviceAccounts.externalSecrets, roleArn: roles.roleArns["external-secrets"],
        region: config.region, secretNames: secrets.secretNames, applicationNamespace: appNamespace, secrets: Object.values(syncedSecrets),
    }, onCluster);
    const loadBalancerController = new LoadBalancerController("load-balancer-controller", {
        clusterName, region: config.region, vpcId: network.vpcId, namespace: namespaces.loadBalancerController,
        serviceAccount: serviceAccounts.loadBalancerController, roleArn: roles.roleArns["load-balancer-controller"],
    }, onCluster);
    // Off only to bootstrap an account: its registry has no images until the image pipeline has run.
    if (config.deployApplication) {
        new EventSphereApplication("eventsphere", {
            namespace: appNamespace, services: config.services, mongodb: config.mongodb, registry: registryHost(config.accountId, config.region),
            namePrefix, roleArns: roles.roleArns, storageClassName: storage.storageClassName, vpcCidr: config.network.vpcCidr,
            monitoringNamespace: namespaces.monitoring, protectData,
        }, onCluster);
        new PublicIngress("ingress", {
            namespace: appNamespace, services: config.services, host: config.edge.domain, certificateArn: edge.certificateArn,
            webAclArn: edge.webAclArn, deletionProtection: protectData, controller: loadBalancerController,
        }, onCluster);
    }
    new FluentBit("fluent-bit", {
        namespace: loggingNamespace, region: config.region, logGroupName: logs.names.containers,
        serviceAccount: serviceAccounts.fluentBit, roleArn: roles.roleArns["fluent-bit"],
    }, onCluster);
    new Monitoring("monitoring", {
        namespace: monitoringNamespace, applicationNamespace: appNamespace, region: config.region, criticalTopicArn: topics.alerts,
        alertmanagerServiceAccount: serviceAccounts.alertmanager, alertmanagerRoleArn: roles.roleArns.alertmanager, storageClassName: storage.storageClassName,
    }, onCluster);

    // Pulumi Deployments settings for this stack.
    if (config.delivery && ci) {
        new PulumiDeployments("deployments", {
            project, stack, delivery: config.delivery, deployRoleArn: ci.deployRoleArn, region: config.region,
            policyPack: { name: "eventsphere-security", version: policyPackVersion },
        });
    }

    return {
        ciRoleArns: ci && { preview: ci.previewRoleArn, images: ci.imagesRoleArn, deploy: ci.deployRoleArn },
        clusterName: cluster.clusterName,
        kubeconfig: pulumi.secret(cluster.kubeconfig),
        oidcProviderArn: cluster.oidc.arn,
        vpcId: network.vpcId,
        repositoryUrls: registry.repositoryUrls,
        roleArns: roles.roleArns,
        nodeRoleArn: nodes.nodeRoleArn,
        topicArns: notifications.topicArns,
        secretArns: secrets.secretArns,
        certificateArn: edge.certificateArn,
        webAclArn: edge.webAclArn,
        backupVault: backup.vaultName,
    };
};
