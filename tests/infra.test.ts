import * as assert from "assert";
import { ProgramRun } from "../tools/engine/capture";
import { maskWireValues } from "../tools/engine/report";
import { ofType, stackRun } from "./harness";

const statefulTypes = ["aws:kms/key:Key", "aws:secretsmanager/secret:Secret", "aws:cloudwatch/logGroup:LogGroup", "aws:ecr/repository:Repository", "aws:s3/bucket:Bucket", "aws:backup/vault:Vault"];
const plain = (r: { inputs: unknown }) => maskWireValues(r.inputs) as any;

for (const stack of ["dev", "prod"] as const) {
    describe(`AWS platform (${stack})`, () => {
        let run: ProgramRun;
        before(async () => { run = await stackRun(stack); });

        it("logs all five control-plane components, private endpoint on, public only for listed CIDRs", () => {
            const [cluster] = ofType(run, "eks:index:Cluster").map(plain);
            assert.deepStrictEqual(cluster.enabledClusterLogTypes, ["api", "audit", "authenticator", "controllerManager", "scheduler"]);
            assert.strictEqual(cluster.endpointPrivateAccess, true);
            assert.ok(cluster.publicAccessCidrs.length > 0 && !cluster.publicAccessCidrs.includes("0.0.0.0/0"));
            assert.strictEqual(cluster.authenticationMode, "API");
            assert.deepStrictEqual(cluster.upgradePolicy, { supportType: "STANDARD" });
            assert.strictEqual(cluster.skipDefaultNodeGroup, true);
            assert.ok(cluster.encryptionConfigKeyArn, "Kubernetes secrets are envelope-encrypted");
            assert.strictEqual(cluster.deletionProtection, stack === "prod");
        });

        it("pre-creates the control-plane log group with the seed's 7-day retention and KMS", () => {
            const group = ofType(run, "aws:cloudwatch/logGroup:LogGroup").map(plain).find(g => g.name === `/aws/eks/eventsphere-${stack}/cluster`);
            assert.strictEqual(group.retentionInDays, 7);
            assert.ok(group.kmsKeyId);
        });

        it("creates the cluster only after its log group exists", () => {
            const [cluster] = ofType(run, "eks:index:Cluster");
            const controlPlane = ofType(run, "aws:cloudwatch/logGroup:LogGroup").find(g => plain(g).name.endsWith("/cluster"))!;
            assert.ok(cluster.dependencies.includes(controlPlane.urn), "EKS would otherwise create the group itself, unencrypted");
        });

        it("encrypts every store with a customer-managed key", () => {
            const keyOf: Record<string, string> = {
                "aws:cloudwatch/logGroup:LogGroup": "kmsKeyId", "aws:sns/topic:Topic": "kmsMasterKeyId",
                "aws:secretsmanager/secret:Secret": "kmsKeyId", "aws:backup/vault:Vault": "kmsKeyArn",
            };
            for (const [type, key] of Object.entries(keyOf)) {
                for (const r of ofType(run, type)) assert.match(String(plain(r)[key]), /^arn:aws:kms:/, `${r.name}.${key}`);
            }
            for (const repo of ofType(run, "aws:ecr/repository:Repository").map(plain)) {
                assert.strictEqual(repo.encryptionConfigurations[0].encryptionType, "KMS");
                assert.strictEqual(repo.imageTagMutability, "IMMUTABLE");
                assert.strictEqual(repo.imageScanningConfiguration.scanOnPush, true);
            }
            for (const key of ofType(run, "aws:kms/key:Key").map(plain)) assert.strictEqual(key.enableKeyRotation, true);
        });

        it("launch templates require IMDSv2 with hop limit 1 and an encrypted gp3 root volume", () => {
            for (const lt of ofType(run, "aws:ec2/launchTemplate:LaunchTemplate").map(plain)) {
                assert.deepStrictEqual(lt.metadataOptions, { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" });
                assert.strictEqual(lt.blockDeviceMappings[0].ebs.encrypted, "true");
                assert.strictEqual(lt.blockDeviceMappings[0].ebs.volumeType, "gp3");
                assert.ok(!("keyName" in lt), "no SSH key");
            }
        });

        it("node groups have no remote access, run AL2023 in private subnets", () => {
            for (const ng of ofType(run, "aws:eks/nodeGroup:NodeGroup").map(plain)) {
                assert.ok(!("remoteAccess" in ng));
                assert.strictEqual(ng.amiType, "AL2023_x86_64_STANDARD");
                assert.deepStrictEqual(ng.subnetIds, ["subnet-private-a", "subnet-private-b"]);
            }
        });

        it("turns on VPC CNI network policy and makes node-dependent add-ons wait for nodes", () => {
            const addons = ofType(run, "aws:eks/addon:Addon");
            const named = (n: string) => addons.find(a => plain(a).addonName === n)!;
            assert.deepStrictEqual(JSON.parse(plain(named("vpc-cni")).configurationValues), { enableNetworkPolicy: "true" });
            const nodeGroupUrns = ofType(run, "aws:eks/nodeGroup:NodeGroup").map(n => n.urn);
            for (const name of ["coredns", "aws-ebs-csi-driver"]) {
                assert.ok(nodeGroupUrns.every(u => named(name).dependencies.includes(u)), `${name} depends on the node groups`);
            }
            for (const ng of ofType(run, "aws:eks/nodeGroup:NodeGroup")) {
                assert.ok(ng.dependencies.includes(named("vpc-cni").urn), "nodes wait for the CNI");
            }
            for (const a of addons) assert.match(plain(a).addonVersion, /^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
        });

        it("IRSA roles trust exactly one service account with :sub and :aud", () => {
            const roles = ofType(run, "aws:iam/role:Role").map(plain).filter(r => r.tags?.["eventsphere.io/service-account"]);
            assert.ok(roles.length >= 6);
            for (const role of roles) {
                const [ns, sa] = role.tags["eventsphere.io/service-account"].split(".");
                const [statement] = JSON.parse(role.assumeRolePolicy).Statement;
                const conditions = Object.entries(statement.Condition.StringEquals);
                assert.deepStrictEqual(conditions.find(([k]) => k.endsWith(":sub"))?.[1], `system:serviceaccount:${ns}:${sa}`);
                assert.deepStrictEqual(conditions.find(([k]) => k.endsWith(":aud"))?.[1], "sts.amazonaws.com");
            }
        });

        it("notification-service may only publish to its topic, using only the data key that encrypts it", () => {
            const role = ofType(run, "aws:iam/rolePolicy:RolePolicy").map(plain).find(p => p.policy.includes("sns:Publish") && p.policy.includes("-notifications"));
            const [publish, key] = JSON.parse(role.policy).Statement;
            assert.deepStrictEqual(publish, { Effect: "Allow", Action: "sns:Publish", Resource: [`arn:aws:sns:us-east-1:${stack === "dev" ? "111111111111" : "222222222222"}:eventsphere-${stack}-notifications`] });
            assert.deepStrictEqual(key.Action, ["kms:GenerateDataKey*", "kms:Decrypt"]);
            assert.deepStrictEqual(key.Condition, { "ForAnyValue:StringEquals": { "kms:ResourceAliases": `alias/eventsphere-${stack}-data` } });
        });

        it("no IAM policy allows a wildcard action", () => {
            for (const p of [...ofType(run, "aws:iam/rolePolicy:RolePolicy"), ...ofType(run, "aws:kms/key:Key")].map(plain)) {
                for (const s of JSON.parse(p.policy).Statement) {
                    for (const action of [s.Action].flat()) assert.ok(action !== "*" && action !== "*:*", `${p.policy}`);
                }
            }
        });

        it(stack === "prod" ? "protects and retains every stateful resource" : "leaves dev's stateful resources destroyable", () => {
            const stateful = run.resources.filter(r => statefulTypes.includes(r.type));
            assert.ok(stateful.length > 10);
            for (const r of stateful) {
                assert.strictEqual(r.protect, stack === "prod", `${r.type} ${r.name} protect`);
                assert.strictEqual(r.retainOnDelete, stack === "prod", `${r.type} ${r.name} retainOnDelete`);
            }
            for (const key of ofType(run, "aws:kms/key:Key").map(plain)) assert.strictEqual(key.deletionWindowInDays, stack === "prod" ? 30 : 7);
            for (const s of ofType(run, "aws:secretsmanager/secret:Secret").map(plain)) assert.strictEqual(s.recoveryWindowInDays, stack === "prod" ? 30 : 7);
        });

        it(stack === "prod" ? "creates GuardDuty and Security Hub (owns the account's services)" : "leaves GuardDuty and Security Hub to the owning stack", () => {
            const expected = stack === "prod" ? 1 : 0;
            assert.strictEqual(ofType(run, "aws:guardduty/detector:Detector").length, expected);
            assert.strictEqual(ofType(run, "aws:securityhub/account:Account").length, expected);
            if (stack === "prod") {
                const features = ofType(run, "aws:guardduty/detectorFeature:DetectorFeature").map(f => plain(f).name);
                assert.deepStrictEqual(features.sort(), ["EKS_AUDIT_LOGS", "RUNTIME_MONITORING"]);
            }
        });

        it("attaches a WAF with the managed rule groups and a rate limit", () => {
            const [acl] = ofType(run, "aws:wafv2/webAcl:WebAcl").map(plain);
            assert.deepStrictEqual(acl.rules.map((r: any) => r.name), ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "rate-limit-per-ip"]);
        });

        it("keeps generated secret values out of the recorded plan", () => {
            const text = JSON.stringify(run.resources.map(r => maskWireValues(r.inputs)));
            assert.ok(!text.includes("mock-password"), "generated passwords appear only as [secret]");
            assert.ok(text.includes("[secret]"));
        });
    });
}
