import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { CapturedResource } from "../tools/engine/capture";
import { analyseResources, resource } from "./harness";

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** A minimal pod that meets the restricted profile; each case changes one field. */
const goodPod = {
    apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "eventsphere" },
    spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 1001, seccompProfile: { type: "RuntimeDefault" } },
        containers: [{
            name: "app", image: "111111111111.dkr.ecr.us-east-1.amazonaws.com/x:1",
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
            resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "20m", memory: "32Mi" } },
            livenessProbe: { httpGet: { path: "/", port: 8080 } }, readinessProbe: { httpGet: { path: "/", port: 8080 } },
        }],
    },
};
const pod = (change: (p: any) => void) => { const p = clone(goodPod); change(p); return resource("kubernetes:core/v1:Pod", p); };
const initContainer = (p: any) => ({ ...clone(p.spec.containers[0]), name: "init" });

const goodLaunchTemplate = {
    metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: "arn:aws:kms:us-east-1:1:key/k", volumeType: "gp3" } }],
};
const goodCluster = { enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"], endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"], encryptionConfigKeyArn: "arn:aws:kms:k" };
const trust = (condition: Record<string, unknown>) => JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Federated: "arn:aws:iam::1:oidc-provider/oidc.eks.x/id/A" }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition }] });

const gh = "token.actions.githubusercontent.com";
const githubRole = (condition: Record<string, unknown>) => resource("aws:iam/role:Role", { assumeRolePolicy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Federated: `arn:aws:iam::1:oidc-provider/${gh}` }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition }] }) });

const ingress = (change: Record<string, string | undefined>) => {
    const annotations: Record<string, string | undefined> = {
        "alb.ingress.kubernetes.io/scheme": "internet-facing", "alb.ingress.kubernetes.io/listen-ports": '[{"HTTP":80},{"HTTPS":443}]',
        "alb.ingress.kubernetes.io/ssl-redirect": "443", "alb.ingress.kubernetes.io/certificate-arn": "arn:aws:acm:us-east-1:1:certificate/c",
        "alb.ingress.kubernetes.io/ssl-policy": "ELBSecurityPolicy-TLS13-1-2-2021-06", ...change,
    };
    const defined = Object.fromEntries(Object.entries(annotations).filter(([, v]) => v !== undefined));
    return resource("kubernetes:networking.k8s.io/v1:Ingress", { metadata: { name: "web", namespace: "eventsphere", annotations: defined }, spec: { ingressClassName: "alb" } });
};

type Case = [policy: string, good: CapturedResource[], bad: CapturedResource[], level?: string];
const cases: Case[] = [
    ["kubernetes-pod-no-host-process", [pod(() => undefined)], [pod(p => { p.spec.containers[0].securityContext.windowsOptions = { hostProcess: true }; })]],
    ["kubernetes-pod-no-host-namespaces", [pod(() => undefined)], [pod(p => { p.spec.hostPID = true; })]],
    ["kubernetes-pod-no-privileged", [pod(() => undefined)], [pod(p => { p.spec.initContainers = [{ ...initContainer(p), securityContext: { ...initContainer(p).securityContext, privileged: true } }]; })]],
    ["kubernetes-pod-capabilities-restricted", [pod(p => { p.spec.containers[0].securityContext.capabilities.add = ["NET_BIND_SERVICE"]; })], [pod(p => { p.spec.containers[0].securityContext.capabilities.add = ["NET_ADMIN"]; })]],
    ["kubernetes-pod-no-host-path-volumes", [pod(p => { p.spec.volumes = [{ name: "tmp", emptyDir: {} }]; })], [pod(p => { p.spec.volumes = [{ name: "h", hostPath: { path: "/" } }]; })]],
    ["kubernetes-pod-no-host-ports", [pod(() => undefined)], [pod(p => { p.spec.containers[0].ports = [{ containerPort: 80, hostPort: 80 }]; })]],
    ["kubernetes-pod-no-probe-host", [pod(() => undefined)], [pod(p => { p.spec.containers[0].livenessProbe.httpGet.host = "10.0.0.1"; })]],
    ["kubernetes-pod-apparmor-not-unconfined", [pod(p => { p.spec.securityContext.appArmorProfile = { type: "RuntimeDefault" }; })], [pod(p => { p.metadata.annotations = { "container.apparmor.security.beta.kubernetes.io/app": "unconfined" }; })]],
    ["kubernetes-pod-selinux-restricted", [pod(p => { p.spec.securityContext.seLinuxOptions = { type: "container_t" }; })], [pod(p => { p.spec.securityContext.seLinuxOptions = { user: "root" }; })]],
    ["kubernetes-pod-proc-mount-default", [pod(() => undefined)], [pod(p => { p.spec.containers[0].securityContext.procMount = "Unmasked"; })]],
    ["kubernetes-pod-seccomp-restricted", [pod(p => { delete p.spec.securityContext.seccompProfile; p.spec.containers[0].securityContext.seccompProfile = { type: "Localhost", localhostProfile: "x" }; })],
        [pod(p => { delete p.spec.securityContext.seccompProfile; }), pod(p => { p.spec.containers[0].securityContext.seccompProfile = { type: "Unconfined" }; })]],
    ["kubernetes-pod-safe-sysctls", [pod(p => { p.spec.securityContext.sysctls = [{ name: "net.ipv4.tcp_syncookies", value: "1" }]; })], [pod(p => { p.spec.securityContext.sysctls = [{ name: "kernel.msgmax", value: "1" }]; })]],
    ["kubernetes-pod-restricted-volume-types", [pod(p => { p.spec.volumes = [{ name: "s", secret: { secretName: "x" } }]; })], [pod(p => { p.spec.volumes = [{ name: "n", nfs: { server: "x", path: "/" } }]; })]],
    ["kubernetes-pod-no-privilege-escalation", [pod(() => undefined)], [pod(p => { p.spec.ephemeralContainers = [{ ...initContainer(p), name: "debug", securityContext: { capabilities: { drop: ["ALL"] } } }]; })]],
    ["kubernetes-pod-run-as-non-root", [pod(p => { delete p.spec.securityContext.runAsNonRoot; p.spec.containers[0].securityContext.runAsNonRoot = true; })],
        [pod(p => { p.spec.containers[0].securityContext.runAsNonRoot = false; }), pod(p => { p.spec.containers[0].securityContext.runAsUser = 0; }), pod(p => { delete p.spec.securityContext.runAsNonRoot; })]],
    ["kubernetes-pod-resource-limits", [pod(() => undefined)], [pod(p => { p.spec.initContainers = [{ ...initContainer(p), resources: {} }]; })]],
    ["kubernetes-pod-read-only-root-filesystem", [pod(() => undefined)], [pod(p => { p.spec.containers[0].securityContext.readOnlyRootFilesystem = false; })], "advisory"],
    ["kubernetes-pod-health-probes",
        [pod(() => undefined), resource("kubernetes:batch/v1:Job", { metadata: { name: "once", namespace: "eventsphere" }, spec: { template: { spec: { ...pod(p => { delete p.spec.containers[0].readinessProbe; }).inputs.spec as object, restartPolicy: "OnFailure" } } } })],
        [pod(p => { delete p.spec.containers[0].readinessProbe; })], "advisory"],
    ["kubernetes-pod-image-pinned", [pod(p => { p.spec.containers[0].image = "mongo@sha256:" + "a".repeat(64); })], [pod(p => { p.spec.containers[0].image = "mongo:latest"; })], "advisory"],
    ["kubernetes-namespace-pod-security-restricted",
        [resource("kubernetes:core/v1:Namespace", { metadata: { name: "eventsphere", labels: { "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/audit": "restricted", "pod-security.kubernetes.io/warn": "restricted" } } })],
        [resource("kubernetes:core/v1:Namespace", { metadata: { name: "eventsphere", labels: { "pod-security.kubernetes.io/enforce": "baseline" } } })]],
    ["kubernetes-storageclass-encrypted", [resource("kubernetes:storage.k8s.io/v1:StorageClass", { metadata: { name: "gp3" }, provisioner: "ebs.csi.aws.com", parameters: { encrypted: "true" } })],
        [resource("kubernetes:storage.k8s.io/v1:StorageClass", { metadata: { name: "gp3" }, provisioner: "ebs.csi.aws.com", parameters: { type: "gp3" } })]],
    ["kubernetes-namespace-default-deny",
        [pod(() => undefined), resource("kubernetes:networking.k8s.io/v1:NetworkPolicy", { metadata: { name: "deny", namespace: "eventsphere" }, spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } }, "deny")],
        [pod(() => undefined)], "advisory"],
    ["aws-ebs-volume-encrypted", [resource("aws:ebs/volume:Volume", { encrypted: true })], [resource("aws:ebs/volume:Volume", { encrypted: false })]],
    ["aws-launchtemplate-volumes-encrypted", [resource("aws:ec2/launchTemplate:LaunchTemplate", goodLaunchTemplate)],
        [resource("aws:ec2/launchTemplate:LaunchTemplate", { ...goodLaunchTemplate, blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] })]],
    ["aws-launchtemplate-imdsv2-hop-limit-1", [resource("aws:ec2/launchTemplate:LaunchTemplate", goodLaunchTemplate)],
        [resource("aws:ec2/launchTemplate:LaunchTemplate", { ...goodLaunchTemplate, metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 } })]],
    ["aws-eks-nodegroup-no-remote-access", [resource("aws:eks/nodeGroup:NodeGroup", { launchTemplate: { id: "lt" } })],
        [resource("aws:eks/nodeGroup:NodeGroup", { launchTemplate: { id: "lt" }, remoteAccess: { ec2SshKey: "k" } })]],
    ["aws-eks-cluster-control-plane-logging", [resource("eks:index:Cluster", goodCluster)], [resource("eks:index:Cluster", { ...goodCluster, enabledClusterLogTypes: ["api"] })]],
    ["aws-eks-cluster-endpoint-restricted", [resource("eks:index:Cluster", goodCluster)],
        [resource("eks:index:Cluster", { ...goodCluster, publicAccessCidrs: ["0.0.0.0/0"] }), resource("aws:eks/cluster:Cluster", { vpcConfig: { endpointPrivateAccess: true } })]],
    ["aws-eks-cluster-secrets-encrypted", [resource("eks:index:Cluster", goodCluster)], [resource("eks:index:Cluster", Object.fromEntries(Object.entries(goodCluster).filter(([k]) => k !== "encryptionConfigKeyArn")))]],
    ["aws-ecr-repository-scan-on-push", [resource("aws:ecr/repository:Repository", { imageScanningConfiguration: { scanOnPush: true }, imageTagMutability: "IMMUTABLE", encryptionConfigurations: [{ encryptionType: "KMS" }] })],
        [resource("aws:ecr/repository:Repository", { imageTagMutability: "MUTABLE" })]],
    ["aws-ecr-repository-encrypted", [resource("aws:ecr/repository:Repository", { encryptionConfigurations: [{ encryptionType: "KMS" }] })], [resource("aws:ecr/repository:Repository", {})]],
    ["aws-ec2-security-group-no-public-ingress",
        [resource("aws:ec2/securityGroup:SecurityGroup", { tags: { "eventsphere.io/load-balancer": "true" }, ingress: [{ fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] })],
        [resource("aws:ec2/securityGroup:SecurityGroup", { ingress: [{ fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] }),
            resource("aws:ec2/securityGroupRule:SecurityGroupRule", { type: "ingress", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }),
            resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { fromPort: 5432, toPort: 5432, cidrIpv6: "::/0" })]],
    ["aws-iam-policy-no-wildcard-admin", [resource("aws:iam/rolePolicy:RolePolicy", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }] }) })],
        [resource("aws:iam/policy:Policy", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) })]],
    ["aws-iam-irsa-trust-pinned",
        [resource("aws:iam/role:Role", { assumeRolePolicy: trust({ StringEquals: { "oidc.eks.x/id/A:sub": "system:serviceaccount:ns:sa", "oidc.eks.x/id/A:aud": "sts.amazonaws.com" } }) }),
            githubRole({ StringEquals: { [`${gh}:aud`]: "sts.amazonaws.com", [`${gh}:sub`]: "repo:acme/platform:pull_request" } })],
        [resource("aws:iam/role:Role", { assumeRolePolicy: trust({ StringEquals: { "oidc.eks.x/id/A:aud": "sts.amazonaws.com" }, StringLike: { "oidc.eks.x/id/A:sub": "system:serviceaccount:*" } }) })]],
    ["aws-iam-oidc-trust-pinned",
        [githubRole({ StringEquals: { [`${gh}:aud`]: "sts.amazonaws.com", [`${gh}:sub`]: ["repo:acme/platform:pull_request", "repo:acme/platform:ref:refs/heads/main"] } })],
        [githubRole({ StringEquals: { [`${gh}:aud`]: "sts.amazonaws.com" }, StringLike: { [`${gh}:sub`]: "repo:acme/*" } }),
            githubRole({ StringEquals: { [`${gh}:aud`]: "sts.amazonaws.com", [`${gh}:sub`]: "repo:acme/platform:*" } }),
            githubRole({ StringEquals: { [`${gh}:sub`]: "repo:acme/platform:pull_request" } }),
            resource("aws:iam/role:Role", { assumeRolePolicy: "{not json" })]],
    ["kubernetes-ingress-tls-only",
        [ingress({}), ingress({ "alb.ingress.kubernetes.io/scheme": "internal", "alb.ingress.kubernetes.io/listen-ports": '[{"HTTP":80}]' })],
        [ingress({ "alb.ingress.kubernetes.io/listen-ports": '[{"HTTP":80}]' }), ingress({ "alb.ingress.kubernetes.io/ssl-redirect": undefined }),
            ingress({ "alb.ingress.kubernetes.io/ssl-policy": "ELBSecurityPolicy-2016-08" }), ingress({ "alb.ingress.kubernetes.io/certificate-arn": undefined })]],
    ["aws-cloudwatch-log-group-retention", [resource("aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 7, kmsKeyId: "k" })], [resource("aws:cloudwatch/logGroup:LogGroup", { kmsKeyId: "k" })]],
    ["aws-storage-encrypted-with-kms", [resource("aws:sns/topic:Topic", { kmsMasterKeyId: "k" })], [resource("aws:secretsmanager/secret:Secret", { name: "s" })]],
    ["aws-s3-bucket-encrypted", [], [resource("aws:s3/bucket:Bucket", { bucket: "b" })]],
];

describe("policy pack over the analyzer gRPC protocol", () => {
    it("every policy has a test case here and a row in docs/policies.md", async () => {
        const { policies } = await analyseResources([]);
        const documented = fs.readFileSync(path.join(__dirname, "..", "docs", "policies.md"), "utf8");
        for (const { name } of policies) {
            assert.ok(cases.some(([policy]) => policy === name), `${name}: no test case`);
            assert.ok(documented.includes(`| \`${name}\` |`), `${name}: not in docs/policies.md`);
        }
    });

    for (const [policy, good, bad, level = "mandatory"] of cases) {
        it(`${policy}: accepts the compliant resource, rejects each violation (${level})`, async () => {
            const onGood = (await analyseResources(good)).violations.filter(v => v.policy === policy);
            assert.deepStrictEqual(onGood.map(v => v.message), [], "compliant resource passes");
            for (const subject of bad) {
                const found = (await analyseResources([subject])).violations.filter(v => v.policy === policy);
                assert.strictEqual(found.length > 0, true, `${JSON.stringify(subject.inputs).slice(0, 200)} is rejected`);
                assert.strictEqual(found[0].enforcementLevel, level);
            }
        });
    }

    it("names the container and the field in pod messages", async () => {
        const [v] = (await analyseResources([pod(p => { p.spec.initContainers = [{ ...initContainer(p), securityContext: { privileged: true, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }]; })]))
            .violations.filter(x => x.policy === "kubernetes-pod-no-privileged");
        assert.match(v.message, /Pod p: initContainer init: securityContext\.privileged must not be true/);
    });

    it("skips exempt namespaces, and the pack's config can change them and the levels", async () => {
        const privileged = pod(p => { p.metadata.namespace = "kube-system"; p.spec.hostNetwork = true; });
        assert.strictEqual((await analyseResources([privileged])).violations.filter(v => v.policy === "kubernetes-pod-no-host-namespaces").length, 0);
        const strict = await analyseResources([privileged], { "kubernetes-pod-no-host-namespaces": { exemptNamespaces: [] }, "kubernetes-pod-health-probes": "mandatory" });
        assert.strictEqual(strict.violations.filter(v => v.policy === "kubernetes-pod-no-host-namespaces").length, 1);
        assert.strictEqual(strict.policies.find(p => p.name === "kubernetes-pod-health-probes")?.enforcementLevel, "advisory", "the pack's own default stays advisory");
        const noProbe = pod(p => { delete p.spec.containers[0].livenessProbe; });
        const made = await analyseResources([noProbe], { "kubernetes-pod-health-probes": "mandatory" });
        assert.strictEqual(made.violations.find(v => v.policy === "kubernetes-pod-health-probes")?.enforcementLevel, "mandatory");
    });
});
