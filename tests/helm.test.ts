import * as assert from "assert";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { PlatformMocks } from "../tools/engine/mocks";
import { loadStackConfig } from "../tools/engine/stack-config";
import { analyseResources, customRun, resource } from "./harness";

/** What `helm template` of a chart with a root, privileged DaemonSet renders. */
const renderedChart = [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "agent", namespace: "eventsphere" } },
    {
        apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "agent", namespace: "eventsphere", labels: { "helm.sh/chart": "agent-1.0.0" } },
        spec: {
            selector: { matchLabels: { app: "agent" } },
            template: {
                metadata: { labels: { app: "agent" } },
                spec: { containers: [{ name: "agent", image: "example/agent:1.0.0", securityContext: { privileged: true, runAsUser: 0 } }] },
            },
        },
    },
];

/** The engine's mocks, with a chart repository that always renders `renderedChart`. */
class ChartRepositoryMocks extends PlatformMocks {
    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        return args.token === "kubernetes:helm:template" ? { result: renderedChart } : super.call(args);
    }
}

describe("Helm charts", () => {
    it("workloads a chart renders are checked like any other: the unsafe DaemonSet is rejected", async () => {
        const run = await customRun({
            stack: "dev", config: loadStackConfig("dev"), preview: false, mocks: new ChartRepositoryMocks(false),
            program: async () => { new k8s.helm.v3.Chart("agent", { chart: "agent", version: "1.0.0", namespace: "eventsphere" }); },
        });
        const daemonSet = run.resources.find(r => r.type === "kubernetes:apps/v1:DaemonSet");
        assert.ok(daemonSet, "the chart's DaemonSet was registered as its own resource");
        assert.match(daemonSet.parent, /kubernetes:helm.sh\/v3:Chart::agent$/);
        const mandatory = (await analyseResources(run.resources)).violations.filter(v => v.enforcementLevel === "mandatory" && v.urn === daemonSet.urn);
        for (const policy of ["kubernetes-pod-no-privileged", "kubernetes-pod-run-as-non-root", "kubernetes-pod-resource-limits"]) {
            assert.ok(mandatory.some(v => v.policy === policy), `${policy} reported for the chart's DaemonSet`);
        }
    });

    it("a v4 Chart's children (registered by the provider, parented to the chart) are analysed by type, not by origin", async () => {
        const chartUrn = "urn:pulumi:dev::eventsphere::kubernetes:helm.sh/v4:Chart::agent";
        const child = { ...resource("kubernetes:apps/v1:DaemonSet", renderedChart[1], "agent:eventsphere/agent"), parent: chartUrn };
        const { violations } = await analyseResources([child]);
        assert.ok(violations.some(v => v.policy === "kubernetes-pod-no-privileged" && v.enforcementLevel === "mandatory"));
    });
});
