import { podPolicy } from "./lib/define";

/** PSS restricted "Privilege Escalation": it must be set to false explicitly. */
export const kubernetesPodNoPrivilegeEscalation = podPolicy({
    name: "kubernetes-pod-no-privilege-escalation",
    description: "Pod Security Standards restricted, Privilege Escalation: securityContext.allowPrivilegeEscalation must be false (seed: Container Security Context)",
    check: (pod, report) => {
        for (const c of pod.containers) {
            if (c.spec.securityContext?.allowPrivilegeEscalation !== false) report(`${c.label}: securityContext.allowPrivilegeEscalation must be false`);
        }
    },
});
