import * as assert from "assert";
import { ProgramRun } from "../tools/engine/capture";
import { ofType, stackRun } from "./harness";
import { allowed, NetworkPolicyObject, PodEndpoint } from "./support/network-reachability";

const app = "eventsphere";
const pod = (name: string): PodEndpoint => ({ namespace: app, labels: { "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": "eventsphere" } });
const ports: Record<string, number> = { frontend: 8080, "auth-service": 3001, "event-service": 3002, "booking-service": 3003, "notification-service": 3004, mongodb: 27017 };

/** The seed's "Network Policies", written out independently of the catalog that generates them. */
const seedAllows = new Set([
    "frontend->auth-service", "frontend->event-service", "frontend->booking-service",
    "auth-service->mongodb",
    "event-service->mongodb", "event-service->auth-service",
    "booking-service->mongodb", "booking-service->auth-service", "booking-service->event-service",
    "notification-service->mongodb",
    // Replica-set members replicate to each other; the init Job configures the set.
    "mongodb->mongodb", "mongodb-init->mongodb",
]);

const policiesOf = (run: ProgramRun) => ofType(run, "kubernetes:networking.k8s.io/v1:NetworkPolicy").map(r => r.inputs as unknown as NetworkPolicyObject);

for (const stack of ["dev", "prod"] as const) {
    describe(`network policies (${stack})`, () => {
        const sources = [...Object.keys(ports), "mongodb-init", "stranger"];
        const targets = [...Object.keys(ports), "stranger"];
        for (const source of sources) {
            it(`${source}: reaches exactly what the seed allows`, async () => {
                const policies = policiesOf(await stackRun(stack));
                for (const target of targets) {
                    const expected = seedAllows.has(`${source}->${target}`);
                    const actual = allowed(policies, pod(source), pod(target), ports[target] ?? 8080);
                    assert.strictEqual(actual, expected, `${source} -> ${target} should be ${expected ? "allowed" : "denied"}`);
                }
            });
        }

        it("a pod in another namespace (not Prometheus) reaches no application pod", async () => {
            const policies = policiesOf(await stackRun(stack));
            const outsider: PodEndpoint = { namespace: "default", labels: { "app.kubernetes.io/name": "frontend" } };
            for (const target of Object.keys(ports)) assert.strictEqual(allowed(policies, outsider, pod(target), ports[target]), false, target);
        });

        it("Prometheus scrapes the services but not MongoDB", async () => {
            const policies = policiesOf(await stackRun(stack));
            const prometheus: PodEndpoint = { namespace: "monitoring", labels: { "app.kubernetes.io/name": "prometheus" } };
            assert.ok(allowed(policies, prometheus, pod("booking-service"), 3003));
            assert.ok(!allowed(policies, prometheus, pod("mongodb"), 27017));
        });

        it("default deny, DNS to CoreDNS, load balancer to public services, HTTPS out only for IRSA pods", async () => {
            const policies = policiesOf(await stackRun(stack));
            const byName = (name: string) => policies.find(p => p.metadata.name === name)!;
            assert.deepStrictEqual(byName("default-deny").spec, { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
            assert.deepStrictEqual(byName("allow-dns").spec.egress![0].ports, [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }]);
            const fromLoadBalancer = (name: string) => byName(`allow-${name}`).spec.ingress!.some(r => r.from?.some(p => p.ipBlock));
            assert.ok(fromLoadBalancer("frontend") && fromLoadBalancer("auth-service"), "public services accept the load balancer");
            assert.ok(!fromLoadBalancer("notification-service") && !fromLoadBalancer("mongodb"), "internal workloads do not");
            const httpsOut = policies.filter(p => p.spec.egress?.some(r => r.to?.some(t => t.ipBlock?.cidr === "0.0.0.0/0"))).map(p => p.metadata.name);
            assert.deepStrictEqual(httpsOut, ["allow-notification-service"]);
        });
    });
}
