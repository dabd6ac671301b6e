import { podPolicy } from "./lib/define";

/** PSS baseline "Privileged Containers". */
export const kubernetesPodNoPrivileged = podPolicy({
    name: "kubernetes-pod-no-privileged",
    description: "Pod Security Standards baseline, Privileged Containers: securityContext.privileged must not be true (seed: Pod Security Standards)",
    check: (pod, report) => {
        for (const c of pod.containers) {
            if (c.spec.securityContext?.privileged) report(`${c.label}: securityContext.privileged must not be true`);
        }
    },
});
