import { podPolicy } from "./lib/define";

/** PSS restricted "Running as Non-root" and "Running as Non-root user": runAsNonRoot true, runAsUser never 0. */
export const kubernetesPodRunAsNonRoot = podPolicy({
    name: "kubernetes-pod-run-as-non-root",
    description: "Pod Security Standards restricted, Running as Non-root: runAsNonRoot true at pod level or in every container, none false, runAsUser never 0 (seed: Non-root Users)",
    check: (pod, report) => {
        const podNonRoot = pod.spec.securityContext?.runAsNonRoot;
        if (podNonRoot === false) report("spec.securityContext.runAsNonRoot must not be false");
        if (pod.spec.securityContext?.runAsUser === 0) report("spec.securityContext.runAsUser must not be 0");
        for (const c of pod.containers) {
            const own = c.spec.securityContext?.runAsNonRoot;
            if (own === false) report(`${c.label}: securityContext.runAsNonRoot must not be false`);
            else if (own !== true && podNonRoot !== true) report(`${c.label}: securityContext.runAsNonRoot must be true (here or at pod level)`);
            if (c.spec.securityContext?.runAsUser === 0) report(`${c.label}: securityContext.runAsUser must not be 0`);
        }
    },
});
