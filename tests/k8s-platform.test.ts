import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { ProgramRun } from "../tools/engine/capture";
import { alertRules, runbookPath } from "../k8s/alert-rules";
import { configWith, customRun, ofType, stackRun } from "./harness";

const chart = (run: ProgramRun, name: string) => ofType(run, "kubernetes:helm.sh/v4:Chart").find(r => (r.inputs as any).chart === name)?.inputs as any;
const roleArnOf = (run: ProgramRun, key: string) => run.outputs.roleArns && (run.outputs.roleArns as Record<string, string>)[key];
const custom = (run: ProgramRun, kind: string) => run.resources.filter(r => r.type.endsWith(`:${kind}`)).map(r => r.inputs as any);

for (const stack of ["dev", "prod"] as const) {
    describe(`cluster platform (${stack})`, () => {
        it("the application namespace enforces, audits and warns restricted at the cluster's version, with a quota and limits", async () => {
            const run = await stackRun(stack);
            const ns = ofType(run, "kubernetes:core/v1:Namespace").map(r => r.inputs as any).find(n => n.metadata.name === "eventsphere");
            for (const mode of ["enforce", "audit", "warn"]) {
                assert.strictEqual(ns.metadata.labels[`pod-security.kubernetes.io/${mode}`], "restricted", mode);
                assert.strictEqual(ns.metadata.labels[`pod-security.kubernetes.io/${mode}-version`], "v1.35", `${mode}-version`);
            }
            const quota = ofType(run, "kubernetes:core/v1:ResourceQuota").map(r => r.inputs as any).find(q => q.metadata.namespace === "eventsphere");
            assert.ok(quota.spec.hard["limits.cpu"] && quota.spec.hard.pods, "quota");
            assert.ok(ofType(run, "kubernetes:core/v1:LimitRange").some(r => (r.inputs as any).metadata.namespace === "eventsphere"), "limit range");
        });

        it("only the logging namespace (Fluent Bit reads host logs) is below restricted, and the pack exempts it by default", async () => {
            const run = await stackRun(stack);
            const levels = Object.fromEntries(ofType(run, "kubernetes:core/v1:Namespace").map(r => (r.inputs as any).metadata)
                .map((m: any) => [m.name, m.labels["pod-security.kubernetes.io/enforce"]]));
            assert.deepStrictEqual(levels, { eventsphere: "restricted", "external-secrets": "restricted", logging: "privileged", monitoring: "restricted", "cosign-system": "restricted" });
        });

        it("MongoDB: 3 members in prod, 1 in dev, on the encrypted, retained gp3 class", async () => {
            const run = await stackRun(stack);
            const sts = ofType(run, "kubernetes:apps/v1:StatefulSet")[0].inputs as any;
            assert.strictEqual(sts.spec.replicas, stack === "prod" ? 3 : 1);
            assert.ok(sts.spec.template.spec.containers[0].args.includes("--auth"), "authentication on");
            const sc = ofType(run, "kubernetes:storage.k8s.io/v1:StorageClass")[0].inputs as any;
            assert.strictEqual(sts.spec.volumeClaimTemplates[0].spec.storageClassName, sc.metadata.name);
            assert.deepStrictEqual(
                { provisioner: sc.provisioner, type: sc.parameters.type, encrypted: sc.parameters.encrypted, reclaim: sc.reclaimPolicy, binding: sc.volumeBindingMode, expand: sc.allowVolumeExpansion },
                { provisioner: "ebs.csi.aws.com", type: "gp3", encrypted: "true", reclaim: "Retain", binding: "WaitForFirstConsumer", expand: true });
            assert.match(sc.parameters.kmsKeyId, new RegExp(`:alias/eventsphere-${stack}-ebs$`));
            assert.strictEqual(sc.parameters.tagSpecification_1, "eventsphere.io/backup=mongodb", "AWS Backup selects the volumes");
        });

        it("External Secrets: the store authenticates as the operator's IRSA service account; every ExternalSecret maps to a Secrets Manager secret, hourly", async () => {
            const run = await stackRun(stack);
            const operator = chart(run, "external-secrets");
            assert.strictEqual(operator.version, "2.9.0", "chart pinned");
            const [store] = custom(run, "ClusterSecretStore");
            const account = store.spec.provider.aws.auth.jwt.serviceAccountRef;
            assert.deepStrictEqual(account, { name: operator.values.serviceAccount.name, namespace: operator.namespace });
            assert.strictEqual(operator.values.serviceAccount.annotations["eks.amazonaws.com/role-arn"], roleArnOf(run, "external-secrets"));
            assert.deepStrictEqual(store.spec.conditions, [{ namespaces: ["eventsphere"] }]);
            const secretNames = new Set(ofType(run, "aws:secretsmanager/secret:Secret").map(r => (r.inputs as any).name));
            const externalSecrets = custom(run, "ExternalSecret");
            assert.deepStrictEqual(externalSecrets.map(e => e.metadata.name).sort(), ["jwt", "mongodb-admin", "mongodb-app", "sns-topics"]);
            for (const es of externalSecrets) {
                assert.strictEqual(es.spec.refreshInterval, "1h", es.metadata.name);
                const keys = [...(es.spec.data ?? []).map((d: any) => d.remoteRef.key), ...(es.spec.dataFrom ?? []).map((d: any) => d.extract.key)];
                assert.ok(keys.length > 0 && keys.every(k => secretNames.has(k)), `${es.metadata.name}: ${keys} exist in Secrets Manager`);
            }
        });

        it("services get secrets by reference only: no literal credential in any pod spec", async () => {
            const run = await stackRun(stack);
            const env = ofType(run, "kubernetes:apps/v1:Deployment").flatMap(r => (r.inputs as any).spec.template.spec.containers.flatMap((c: any) => c.env ?? []));
            const literal = env.filter((e: any) => /PASSWORD|SECRET|USERNAME/.test(e.name) && e.value !== undefined);
            assert.deepStrictEqual(literal, []);
            const booking = ofType(run, "kubernetes:apps/v1:Deployment").map(r => r.inputs as any).find(d => d.metadata.name === "booking-service");
            assert.ok(booking.spec.template.spec.containers[0].env.some((e: any) => e.valueFrom?.secretKeyRef?.name === "mongodb-app"), "least-privilege database user");
        });

        it("the ALB: HTTPS on 443 with the certificate, HTTP redirected, TLS 1.3 policy, IP targets, path routing", async () => {
            const run = await stackRun(stack);
            const ingress = ofType(run, "kubernetes:networking.k8s.io/v1:Ingress")[0].inputs as any;
            const a = ingress.metadata.annotations;
            assert.deepStrictEqual(JSON.parse(a["alb.ingress.kubernetes.io/listen-ports"]), [{ HTTP: 80 }, { HTTPS: 443 }]);
            assert.strictEqual(a["alb.ingress.kubernetes.io/ssl-redirect"], "443");
            assert.strictEqual(a["alb.ingress.kubernetes.io/certificate-arn"], run.outputs.certificateArn);
            assert.strictEqual(a["alb.ingress.kubernetes.io/ssl-policy"], "ELBSecurityPolicy-TLS13-1-2-2021-06");
            assert.strictEqual(a["alb.ingress.kubernetes.io/target-type"], "ip");
            assert.strictEqual(ingress.spec.ingressClassName, "alb");
            const paths = ingress.spec.rules[0].http.paths.map((p: any) => `${p.path}->${p.backend.service.name}`);
            assert.deepStrictEqual(paths, ["/api/bookings->booking-service", "/api/events->event-service", "/api/auth->auth-service", "/->frontend"]);
        });

        it("Fluent Bit ships container logs to the encrypted log group with its IRSA role, never creating groups", async () => {
            const run = await stackRun(stack);
            const fluentBit = chart(run, "aws-for-fluent-bit");
            assert.strictEqual(fluentBit.namespace, "logging");
            assert.strictEqual(fluentBit.values.cloudWatchLogs.logGroupName, `/aws/eks/eventsphere-${stack}/containers`);
            assert.strictEqual(fluentBit.values.cloudWatchLogs.autoCreateGroup, false);
            assert.strictEqual(fluentBit.values.serviceAccount.annotations["eks.amazonaws.com/role-arn"], roleArnOf(run, "fluent-bit"));
            const group = ofType(run, "aws:cloudwatch/logGroup:LogGroup").map(r => r.inputs as any).find(g => g.name === fluentBit.values.cloudWatchLogs.logGroupName);
            assert.ok(group.kmsKeyId && group.retentionInDays === 7, "KMS and 7-day retention");
        });

        it("Alertmanager sends critical alerts to the security SNS topic with its own IRSA role", async () => {
            const run = await stackRun(stack);
            const monitoring = chart(run, "kube-prometheus-stack");
            const alertmanager = monitoring.values.alertmanager;
            assert.strictEqual(alertmanager.serviceAccount.annotations["eks.amazonaws.com/role-arn"], roleArnOf(run, "alertmanager"));
            const route = alertmanager.config.route.routes.find((r: any) => r.matchers.includes('severity="critical"'));
            const receiver = alertmanager.config.receivers.find((r: any) => r.name === route.receiver);
            assert.strictEqual(receiver.sns_configs[0].topic_arn, (run.outputs.topicArns as any).alerts);
            assert.strictEqual(monitoring.values.nodeExporter.enabled, false, "no host access in the monitoring namespace");
        });
    });
}

describe("alert rules and runbook", () => {
    const runbook = fs.readFileSync(path.join(__dirname, "..", runbookPath), "utf8");
    const rules = alertRules("eventsphere");

    it("cover pod restarts, unavailable replicas, 5xx rate, MongoDB down and PVC almost full", () => {
        for (const metric of ["kube_pod_container_status_restarts_total", "kube_deployment_status_replicas_unavailable", "http_requests_total", "kube_statefulset_status_replicas_ready", "kubelet_volume_stats_available_bytes"]) {
            assert.ok(rules.some(r => r.expr.includes(metric)), metric);
        }
    });

    for (const rule of rules) {
        it(`${rule.alert} has a runbook entry: what it means, first checks, remediation`, () => {
            const section = runbook.split(/^## /m).find(s => s.startsWith(`${rule.alert}\n`));
            assert.ok(section, `no "## ${rule.alert}" section in ${runbookPath}`);
            for (const heading of ["What it means", "First checks", "Remediation"]) assert.ok(section.includes(`**${heading}**`), `${rule.alert}: ${heading}`);
        });
    }

    it("every rule in the cluster links its runbook entry", async () => {
        const run = await stackRun("prod");
        const [prometheusRule] = custom(run, "PrometheusRule");
        for (const rule of prometheusRule.spec.groups[0].rules) {
            assert.strictEqual(rule.annotations.runbook_url, `${runbookPath}#${rule.alert.toLowerCase()}`);
        }
    });
});

describe("WAF", () => {
    it("is attached to the ALB in prod", async () => {
        const run = await stackRun("prod");
        const ingress = ofType(run, "kubernetes:networking.k8s.io/v1:Ingress")[0].inputs as any;
        assert.strictEqual(ingress.metadata.annotations["alb.ingress.kubernetes.io/wafv2-acl-arn"], run.outputs.webAclArn);
    });

    it("is not attached when dev switches it off", async () => {
        const run = await customRun({ stack: "dev", config: configWith("dev", c => { c["eventsphere:edge"].wafEnabled = false; }), preview: false });
        const ingress = ofType(run, "kubernetes:networking.k8s.io/v1:Ingress")[0].inputs as any;
        assert.ok(!("alb.ingress.kubernetes.io/wafv2-acl-arn" in ingress.metadata.annotations));
    });
});

describe("service catalog", () => {
    it("a sixth service is a config change: Deployment, Service, policies and ECR repository follow", async () => {
        const config = configWith("dev", c => {
            c["eventsphere:services"].push({
                name: "search-service", image: { repository: "search-service", tag: "0.1.0" }, port: 3005, replicas: 1,
                cpu: { request: "50m", limit: "200m" }, memory: { request: "64Mi", limit: "128Mi" }, healthPath: "/health",
                talksTo: ["mongodb", "event-service"], secrets: ["mongodb"],
            });
        });
        const run = await customRun({ stack: "dev", config, preview: false });
        const of = (type: string) => ofType(run, type).map(r => r.inputs as any);
        assert.ok(of("kubernetes:apps/v1:Deployment").some(d => d.metadata.name === "search-service"), "Deployment");
        assert.ok(of("kubernetes:core/v1:Service").some(s => s.metadata.name === "search-service"), "Service");
        assert.ok(of("aws:ecr/repository:Repository").some(r => r.name === "eventsphere-dev/search-service"), "ECR repository");
        const policies = of("kubernetes:networking.k8s.io/v1:NetworkPolicy");
        const own = policies.find(p => p.metadata.name === "allow-search-service");
        assert.deepStrictEqual(own.spec.egress.map((e: any) => e.to[0].podSelector.matchLabels["app.kubernetes.io/name"]).sort(), ["event-service", "mongodb"]);
        const eventService = policies.find(p => p.metadata.name === "allow-event-service");
        assert.ok(eventService.spec.ingress.some((r: any) => r.from.some((f: any) => f.podSelector?.matchLabels["app.kubernetes.io/name"] === "search-service")), "event-service admits it");
    });
});
