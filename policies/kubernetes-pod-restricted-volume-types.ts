import { podPolicy } from "./lib/define";

const allowed = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret"];

/** PSS restricted "Volume Types". */
export const kubernetesPodRestrictedVolumeTypes = podPolicy({
    name: "kubernetes-pod-restricted-volume-types",
    description: `Pod Security Standards restricted, Volume Types: only ${allowed.join(", ")} (seed: Pod Security Standards)`,
    check: (pod, report) => {
        for (const v of pod.spec.volumes ?? []) {
            const kinds = Object.keys(v).filter(k => k !== "name");
            const bad = kinds.filter(k => !allowed.includes(k));
            if (bad.length) report(`volume ${v.name}: type ${bad.join(", ")} is not allowed`);
        }
    },
});
