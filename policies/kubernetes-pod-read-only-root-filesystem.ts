import { podPolicy } from "./lib/define";

/** Seed "Container Security Context": read-only root filesystem where possible. */
export const kubernetesPodReadOnlyRootFilesystem = podPolicy({
    name: "kubernetes-pod-read-only-root-filesystem",
    description: "Containers run with readOnlyRootFilesystem: true, writing only to emptyDir volumes (seed: Read-only root filesystems)",
    enforcementLevel: "advisory",
    check: (pod, report) => {
        for (const c of pod.containers) {
            if (c.spec.securityContext?.readOnlyRootFilesystem !== true) report(`${c.label}: securityContext.readOnlyRootFilesystem should be true`);
        }
    },
});
