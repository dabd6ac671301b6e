import { resourcePolicy } from "./lib/define";

const modes = ["enforce", "audit", "warn"];

/** Seed "Pod Security Standards": the restricted profile enforced, audited and warned on application namespaces. */
export const kubernetesNamespacePodSecurityRestricted = resourcePolicy({
    name: "kubernetes-namespace-pod-security-restricted",
    description: "Application namespaces carry pod-security.kubernetes.io/enforce, audit and warn = restricted (seed: Pod Security Standards)",
    types: ["kubernetes:core/v1:Namespace"],
    check: (ns, report) => {
        const labels = ns.metadata?.labels ?? {};
        for (const mode of modes) {
            const value = labels[`pod-security.kubernetes.io/${mode}`];
            if (value !== "restricted") report(`namespace ${ns.metadata?.name}: label pod-security.kubernetes.io/${mode} must be restricted (is ${value ?? "unset"})`);
        }
    },
});
