import { podPolicy } from "./lib/define";

/** Seed "Resource Limits": requests and limits for CPU and memory on every container. */
export const kubernetesPodResourceLimits = podPolicy({
    name: "kubernetes-pod-resource-limits",
    description: "Every container and init container sets CPU and memory requests and limits (seed: Resource Limits)",
    check: (pod, report) => {
        for (const c of pod.containers.filter(c => !c.label.startsWith("ephemeralContainer"))) {
            for (const kind of ["requests", "limits"]) {
                for (const resource of ["cpu", "memory"]) {
                    if (!c.spec.resources?.[kind]?.[resource]) report(`${c.label}: resources.${kind}.${resource} must be set`);
                }
            }
        }
    },
});
