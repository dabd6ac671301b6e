/** Evaluates Kubernetes NetworkPolicies the way the API defines them, for pod-to-pod traffic. */

interface LabelSelector {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: "In" | "NotIn" | "Exists" | "DoesNotExist"; values?: string[] }[];
}

interface Peer {
    podSelector?: LabelSelector;
    namespaceSelector?: LabelSelector;
    ipBlock?: { cidr: string };
}

interface Rule {
    from?: Peer[];
    to?: Peer[];
    ports?: { protocol?: string; port?: number }[];
}

export interface NetworkPolicyObject {
    metadata: { name: string; namespace: string };
    spec: { podSelector: LabelSelector; policyTypes?: string[]; ingress?: Rule[]; egress?: Rule[] };
}

export interface PodEndpoint {
    namespace: string;
    labels: Record<string, string>;
}

export function selects(selector: LabelSelector, labels: Record<string, string>): boolean {
    const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
    const byExpressions = (selector.matchExpressions ?? []).every(e => {
        switch (e.operator) {
            case "In": return e.values!.includes(labels[e.key]);
            case "NotIn": return !(e.key in labels) || !e.values!.includes(labels[e.key]);
            case "Exists": return e.key in labels;
            case "DoesNotExist": return !(e.key in labels);
        }
    });
    return byLabels && byExpressions;
}

/** ipBlock is for traffic from outside the cluster, so it never matches a pod. */
function peerMatches(peer: Peer, pod: PodEndpoint, policyNamespace: string): boolean {
    if (peer.ipBlock) return false;
    const namespaceLabels = { "kubernetes.io/metadata.name": pod.namespace };
    const inNamespace = peer.namespaceSelector ? selects(peer.namespaceSelector, namespaceLabels) : pod.namespace === policyNamespace;
    return inNamespace && selects(peer.podSelector ?? {}, pod.labels);
}

function ruleAllows(rule: Rule, peers: Peer[] | undefined, other: PodEndpoint, port: number, namespace: string): boolean {
    const peerOk = peers === undefined || peers.length === 0 || peers.some(p => peerMatches(p, other, namespace));
    const portOk = !rule.ports?.length || rule.ports.some(p => (p.protocol ?? "TCP") === "TCP" && (p.port === undefined || p.port === port));
    return peerOk && portOk;
}

function direction(policies: NetworkPolicyObject[], pod: PodEndpoint, type: "Ingress" | "Egress", other: PodEndpoint, port: number): boolean {
    const isolating = policies.filter(p => p.metadata.namespace === pod.namespace && selects(p.spec.podSelector, pod.labels)
        && (p.spec.policyTypes ?? ["Ingress"]).includes(type));
    if (isolating.length === 0) return true;
    return isolating.some(p => (type === "Ingress" ? p.spec.ingress : p.spec.egress)?.some(rule =>
        ruleAllows(rule, type === "Ingress" ? rule.from : rule.to, other, port, p.metadata.namespace)) ?? false);
}

/** Whether a TCP connection from `source` to `target:port` is allowed by both sides' policies. */
export function allowed(policies: NetworkPolicyObject[], source: PodEndpoint, target: PodEndpoint, port: number): boolean {
    return direction(policies, source, "Egress", target, port) && direction(policies, target, "Ingress", source, port);
}
