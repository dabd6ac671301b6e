import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { Workload } from "./catalog";
import { selectorOf } from "./labels";
import { WorkloadNamespace } from "./namespace";

type Rule = k8s.types.input.networking.v1.NetworkPolicyIngressRule;
type EgressRule = k8s.types.input.networking.v1.NetworkPolicyEgressRule;

export interface NetworkPoliciesArgs {
    namespace: WorkloadNamespace;
    workloads: Workload[];
    /** Where the load balancer's targets are reached from (its ENIs live in the VPC). */
    loadBalancerCidr: string;
    /** The namespace and pod labels of Prometheus, which scrapes the services. */
    prometheus: { namespace: string; podLabels: Record<string, string> };
}

const tcp = (port: number) => ({ protocol: "TCP", port });

/**
 * Seed "Network Policies": deny all, allow DNS, then exactly the catalog's `talksTo` edges, each
 * expressed on both sides (the caller's egress and the callee's ingress). A pod that matches no
 * workload's labels reaches nothing and is reached by nothing.
 */
export class NetworkPolicies extends pulumi.ComponentResource {
    constructor(name: string, args: NetworkPoliciesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:NetworkPolicies", name, {}, opts);
        const namespace = args.namespace.name;
        const policy = (policyName: string, spec: k8s.types.input.networking.v1.NetworkPolicySpec) =>
            new k8s.networking.v1.NetworkPolicy(`${name}-${policyName}`, { metadata: { name: policyName, namespace }, spec }, args.namespace.within(this));

        policy("default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
        policy("allow-dns", {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: [{
                to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
                ports: [{ protocol: "UDP", port: 53 }, tcp(53)],
            }],
        });
        for (const workload of args.workloads) {
            const ingress = ingressRules(workload, args);
            const egress = egressRules(workload, args.workloads);
            if (ingress.length === 0 && egress.length === 0) continue;
            policy(`allow-${workload.name}`, {
                podSelector: { matchLabels: selectorOf(workload.name) },
                policyTypes: [...(ingress.length ? ["Ingress"] : []), ...(egress.length ? ["Egress"] : [])],
                ingress, egress,
            });
        }
        this.registerOutputs({});
    }
}

function ingressRules(workload: Workload, args: NetworkPoliciesArgs): Rule[] {
    const callers = args.workloads.filter(w => w.talksTo.includes(workload.name));
    return [
        ...(callers.length ? [{ from: callers.map(c => ({ podSelector: { matchLabels: selectorOf(c.name) } })), ports: [tcp(workload.port)] }] : []),
        ...(workload.public ? [{ from: [{ ipBlock: { cidr: args.loadBalancerCidr } }], ports: [tcp(workload.port)] }] : []),
        ...(workload.scraped ? [{
            from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": args.prometheus.namespace } }, podSelector: { matchLabels: args.prometheus.podLabels } }],
            ports: [tcp(workload.port)],
        }] : []),
    ];
}

function egressRules(workload: Workload, all: Workload[]): EgressRule[] {
    const peers = all.filter(w => workload.talksTo.includes(w.name));
    return [
        ...peers.map(peer => ({ to: [{ podSelector: { matchLabels: selectorOf(peer.name) } }], ports: [tcp(peer.port)] })),
        // AWS APIs (STS for IRSA, SNS, ...) over HTTPS: public endpoints, or interface endpoints inside the VPC.
        ...(workload.callsAws ? [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [tcp(443)] }] : []),
    ];
}
