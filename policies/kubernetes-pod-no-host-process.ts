import { podPolicy } from "./lib/define";

/** PSS baseline "HostProcess": Windows host-process containers would run on the node itself. */
export const kubernetesPodNoHostProcess = podPolicy({
    name: "kubernetes-pod-no-host-process",
    description: "Pod Security Standards baseline, HostProcess: securityContext.windowsOptions.hostProcess must not be true (seed: Pod Security Standards)",
    check: (pod, report) => {
        if (pod.spec.securityContext?.windowsOptions?.hostProcess) report("spec.securityContext.windowsOptions.hostProcess must not be true");
        for (const c of pod.containers) {
            if (c.spec.securityContext?.windowsOptions?.hostProcess) report(`${c.label}: securityContext.windowsOptions.hostProcess must not be true`);
        }
    },
});
