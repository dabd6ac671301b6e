import { podPolicy } from "./lib/define";

const allowedTypes = ["RuntimeDefault", "Localhost"];
const annotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

/** PSS baseline "AppArmor": the field (1.30+) or the legacy annotation. */
export const kubernetesPodApparmorNotUnconfined = podPolicy({
    name: "kubernetes-pod-apparmor-not-unconfined",
    description: "Pod Security Standards baseline, AppArmor: appArmorProfile.type and the AppArmor annotation must not be Unconfined (seed: Pod Security Standards)",
    check: (pod, report) => {
        const podType = pod.spec.securityContext?.appArmorProfile?.type;
        if (podType && !allowedTypes.includes(podType)) report(`spec.securityContext.appArmorProfile.type ${podType} is not allowed`);
        for (const c of pod.containers) {
            const type = c.spec.securityContext?.appArmorProfile?.type;
            if (type && !allowedTypes.includes(type)) report(`${c.label}: securityContext.appArmorProfile.type ${type} is not allowed`);
        }
        for (const [key, value] of Object.entries(pod.annotations)) {
            if (key.startsWith(annotationPrefix) && !(value === "runtime/default" || value.startsWith("localhost/"))) {
                report(`annotation ${key}: ${value} is not allowed`);
            }
        }
    },
});
