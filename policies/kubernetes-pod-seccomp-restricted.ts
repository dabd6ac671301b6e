import { podPolicy } from "./lib/define";
import { effective } from "./lib/pod";

const allowed = ["RuntimeDefault", "Localhost"];

/** PSS restricted "Seccomp": RuntimeDefault or Localhost, at pod level or in every container; never Unconfined. */
export const kubernetesPodSeccompRestricted = podPolicy({
    name: "kubernetes-pod-seccomp-restricted",
    description: "Pod Security Standards restricted, Seccomp: seccompProfile.type RuntimeDefault or Localhost for every container (seed: Security Context)",
    check: (pod, report) => {
        const podType = pod.spec.securityContext?.seccompProfile?.type;
        if (podType !== undefined && !allowed.includes(podType)) report(`spec.securityContext.seccompProfile.type ${podType} is not allowed`);
        for (const c of pod.containers) {
            const type = effective<{ type?: string }>(pod, c, "seccompProfile")?.type;
            if (!type) report(`${c.label}: securityContext.seccompProfile.type must be RuntimeDefault or Localhost (here or at pod level)`);
            else if (!allowed.includes(type)) report(`${c.label}: securityContext.seccompProfile.type ${type} is not allowed`);
        }
    },
});
