import { podPolicy } from "./lib/define";

/** Seed "Health Checks": liveness and readiness probes. */
export const kubernetesPodHealthProbes = podPolicy({
    name: "kubernetes-pod-health-probes",
    description: "Long-running containers declare liveness and readiness probes (seed: Health Checks)",
    enforcementLevel: "advisory",
    check: (pod, report) => {
        // A Job's pod exits when done: nothing to be ready for, nothing to restart.
        if (pod.runsToCompletion) return;
        for (const c of pod.containers.filter(c => c.label.startsWith("container "))) {
            for (const probe of ["livenessProbe", "readinessProbe"]) {
                if (!c.spec[probe]) report(`${c.label}: ${probe} should be set`);
            }
        }
    },
});
