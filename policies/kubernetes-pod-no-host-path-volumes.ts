import { podPolicy } from "./lib/define";

/** PSS baseline "HostPath Volumes". */
export const kubernetesPodNoHostPathVolumes = podPolicy({
    name: "kubernetes-pod-no-host-path-volumes",
    description: "Pod Security Standards baseline, HostPath Volumes: spec.volumes[*].hostPath is not allowed (seed: Pod Security Standards)",
    check: (pod, report) => {
        for (const v of pod.spec.volumes ?? []) {
            if (v.hostPath) report(`volume ${v.name}: hostPath is not allowed`);
        }
    },
});
