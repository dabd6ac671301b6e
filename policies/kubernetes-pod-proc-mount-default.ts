import { podPolicy } from "./lib/define";

/** PSS baseline "/proc Mount Type". */
export const kubernetesPodProcMountDefault = podPolicy({
    name: "kubernetes-pod-proc-mount-default",
    description: "Pod Security Standards baseline, /proc Mount Type: securityContext.procMount must be unset or Default (seed: Pod Security Standards)",
    check: (pod, report) => {
        for (const c of pod.containers) {
            const procMount = c.spec.securityContext?.procMount;
            if (procMount !== undefined && procMount !== "Default") report(`${c.label}: securityContext.procMount ${procMount} is not allowed`);
        }
    },
});
