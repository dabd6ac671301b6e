import { StackValidationPolicy } from "@pulumi/policy";
import { exemptionSchema, exemptNamespacesOf } from "./lib/define";
import { podOf } from "./lib/pod";

function isDefaultDeny(policy: any): boolean {
    const selector = policy.spec?.podSelector ?? {};
    const types: string[] = policy.spec?.policyTypes ?? [];
    return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0
        && types.includes("Ingress") && types.includes("Egress") && !policy.spec?.ingress?.length && !policy.spec?.egress?.length;
}

/** Seed "Network Policies": least privilege starts from deny-all in every namespace that runs workloads. */
export const kubernetesNamespaceDefaultDeny: StackValidationPolicy = {
    name: "kubernetes-namespace-default-deny",
    description: "Every namespace that runs workloads has a NetworkPolicy denying all ingress and egress by default (seed: Network Policies)",
    enforcementLevel: "advisory",
    configSchema: exemptionSchema,
    validateStack: (args, reportViolation) => {
        const exemptNamespaces = exemptNamespacesOf(args);
        const withWorkloads = new Set(args.resources.map(r => podOf(r.type, r.props)?.namespace).filter((n): n is string => !!n && !exemptNamespaces.includes(n)));
        const denied = new Set(args.resources
            .filter(r => r.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy" && isDefaultDeny(r.props))
            .map(r => r.props.metadata?.namespace ?? "default"));
        for (const namespace of withWorkloads) {
            if (!denied.has(namespace)) reportViolation(`namespace ${namespace} runs workloads but has no default-deny NetworkPolicy`);
        }
    },
};
