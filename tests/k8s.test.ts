import * as assert from "assert";
import { ProgramRun } from "../tools/engine/capture";
import { loadStackConfig } from "../tools/engine/stack-config";
import { ofType, stackRun } from "./harness";
import { isKubernetesObject } from "../tools/render-manifests";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const schemas: { validate(object: unknown): void } = require("./support/kubernetes-schemas.mjs");

/** Kinds no maintained schema package covers (checked field by field in k8s-platform.test.ts instead). */
const withoutPublishedSchema = ["kubernetes:policy.sigstore.dev/v1beta1:ClusterImagePolicy"];
const kubernetesObjects = (run: ProgramRun) => run.resources.filter(r => isKubernetesObject(r) && !withoutPublishedSchema.includes(r.type));
const named = (run: ProgramRun, type: string, name: string) => ofType(run, type).find(r => (r.inputs as any).metadata?.name === name)?.inputs as any;
const podTemplates = (run: ProgramRun) => [
    ...ofType(run, "kubernetes:apps/v1:Deployment"),
    ...ofType(run, "kubernetes:apps/v1:StatefulSet"),
    ...ofType(run, "kubernetes:batch/v1:Job"),
].map(r => ({ name: `${r.type.split(":").pop()} ${(r.inputs as any).metadata.name}`, kind: r.type, object: r.inputs as any, pod: (r.inputs as any).spec.template }));

for (const stack of ["dev", "prod"] as const) {
    describe(`Kubernetes objects (${stack})`, () => {
        it("every object validates against the official Kubernetes and CRD schemas", async () => {
            const objects = kubernetesObjects(await stackRun(stack));
            assert.ok(objects.length > 40, `expected the whole application, got ${objects.length} objects`);
            const failures = objects.flatMap(r => {
                try { schemas.validate(r.inputs); return []; } catch (e) { return [`${r.type} ${r.name}: ${(e as Error).message}`]; }
            });
            assert.deepStrictEqual(failures, []);
        });

        it("application pods run as the seed says: non-root user, fsGroup, RuntimeDefault seccomp, no service-account token", async () => {
            for (const { name, pod } of podTemplates(await stackRun(stack))) {
                const sc = pod.spec.securityContext;
                assert.strictEqual(sc.runAsNonRoot, true, `${name}: runAsNonRoot`);
                assert.ok(sc.runAsUser > 0 && sc.fsGroup === sc.runAsUser, `${name}: runAsUser and fsGroup`);
                assert.strictEqual(sc.seccompProfile.type, "RuntimeDefault", `${name}: seccomp`);
                assert.strictEqual(pod.spec.automountServiceAccountToken, false, `${name}: token not mounted`);
                assert.strictEqual(pod.metadata.labels["app.kubernetes.io/part-of"], "eventsphere", `${name}: part-of label`);
            }
        });

        it("the frontend runs as nginx's user 101, the services as 1001, MongoDB as 999", async () => {
            const run = await stackRun(stack);
            const user = (name: string, type = "kubernetes:apps/v1:Deployment") => named(run, type, name).spec.template.spec.securityContext.runAsUser;
            assert.strictEqual(user("frontend"), 101);
            for (const service of ["auth-service", "event-service", "booking-service", "notification-service"]) assert.strictEqual(user(service), 1001, service);
            assert.strictEqual(user("mongodb", "kubernetes:apps/v1:StatefulSet"), 999);
        });

        it("every container: no privilege escalation, all capabilities dropped, read-only root, requests and limits", async () => {
            for (const { name, pod } of podTemplates(await stackRun(stack))) {
                for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
                    const where = `${name} container ${c.name}`;
                    assert.strictEqual(c.securityContext.allowPrivilegeEscalation, false, `${where}: allowPrivilegeEscalation`);
                    assert.deepStrictEqual(c.securityContext.capabilities.drop, ["ALL"], `${where}: capabilities.drop`);
                    assert.strictEqual(c.securityContext.readOnlyRootFilesystem, true, `${where}: readOnlyRootFilesystem`);
                    for (const kind of ["requests", "limits"]) {
                        assert.ok(c.resources[kind].cpu && c.resources[kind].memory, `${where}: ${kind}`);
                    }
                }
            }
        });

        it("writable paths are emptyDir volumes, only where the catalog says (nginx cache and pid paths)", async () => {
            const frontend = named(await stackRun(stack), "kubernetes:apps/v1:Deployment", "frontend").spec.template.spec;
            const mounts = frontend.containers[0].volumeMounts.map((m: any) => m.mountPath).sort();
            assert.deepStrictEqual(mounts, ["/tmp", "/var/cache/nginx", "/var/run"]);
            assert.ok(frontend.volumes.every((v: any) => v.emptyDir), "only emptyDir volumes");
        });

        it("long-running containers have liveness, readiness and startup probes", async () => {
            for (const { name, kind, pod } of podTemplates(await stackRun(stack))) {
                if (kind.includes("Job")) continue;
                for (const c of pod.spec.containers) {
                    for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) assert.ok(c[probe], `${name} container ${c.name}: ${probe}`);
                }
            }
        });

        it("deployments spread across zones and roll out without losing capacity; PDB and HPA per service", async () => {
            const run = await stackRun(stack);
            for (const d of ofType(run, "kubernetes:apps/v1:Deployment").map(r => r.inputs as any)) {
                const name = d.metadata.name;
                assert.deepStrictEqual(d.spec.strategy.rollingUpdate, { maxUnavailable: 0, maxSurge: 1 }, `${name}: rolling update`);
                assert.ok(d.spec.template.spec.topologySpreadConstraints.some((t: any) => t.topologyKey === "topology.kubernetes.io/zone"), `${name}: zone spread`);
                assert.ok(named(run, "kubernetes:policy/v1:PodDisruptionBudget", name), `${name}: PDB`);
                assert.strictEqual(named(run, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", name)?.spec.minReplicas, d.spec.replicas, `${name}: HPA floor`);
            }
        });

        it("each service has its own service account; only notification-service carries an IRSA role (SNS)", async () => {
            const run = await stackRun(stack);
            const accounts = ofType(run, "kubernetes:core/v1:ServiceAccount").map(r => r.inputs as any);
            const roles = Object.fromEntries(accounts.map(a => [a.metadata.name, a.metadata.annotations?.["eks.amazonaws.com/role-arn"]]));
            assert.deepStrictEqual(Object.keys(roles).sort(), ["auth-service", "booking-service", "event-service", "frontend", "notification-service"]);
            assert.strictEqual(roles["notification-service"], (run.outputs.roleArns as Record<string, string>)["notification-service"]);
            assert.deepStrictEqual(Object.entries(roles).filter(([, role]) => role).map(([name]) => name), ["notification-service"]);
            for (const d of ofType(run, "kubernetes:apps/v1:Deployment").map(r => r.inputs as any)) {
                assert.strictEqual(d.spec.template.spec.serviceAccountName, d.metadata.name, d.metadata.name);
            }
        });

        it("images come from the stack's ECR registry", async () => {
            const account = loadStackConfig(stack)["eventsphere:accountId"];
            for (const { name, pod } of podTemplates(await stackRun(stack))) {
                for (const c of pod.spec.containers) assert.match(c.image, new RegExp(`^${account}\\.dkr\\.ecr\\.us-east-1\\.amazonaws\\.com/eventsphere-${stack}/`), name);
            }
        });
    });
}
