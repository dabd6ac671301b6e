import { podPolicy } from "./lib/define";

/** PSS restricted "Capabilities": drop ALL, add back at most NET_BIND_SERVICE. */
export const kubernetesPodCapabilitiesRestricted = podPolicy({
    name: "kubernetes-pod-capabilities-restricted",
    description: "Pod Security Standards restricted, Capabilities: capabilities.drop must contain ALL and capabilities.add only NET_BIND_SERVICE (seed: Container Security Context)",
    check: (pod, report) => {
        for (const c of pod.containers) {
            const capabilities = c.spec.securityContext?.capabilities ?? {};
            if (!(capabilities.drop ?? []).includes("ALL")) report(`${c.label}: securityContext.capabilities.drop must contain ALL`);
            const added = (capabilities.add ?? []).filter((cap: string) => cap !== "NET_BIND_SERVICE");
            if (added.length) report(`${c.label}: securityContext.capabilities.add may only hold NET_BIND_SERVICE, not ${added.join(", ")}`);
        }
    },
});
