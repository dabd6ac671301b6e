import { podPolicy } from "./lib/define";

/** PSS baseline "Host Namespaces". */
export const kubernetesPodNoHostNamespaces = podPolicy({
    name: "kubernetes-pod-no-host-namespaces",
    description: "Pod Security Standards baseline, Host Namespaces: hostNetwork, hostPID and hostIPC must not be true (seed: Pod Security Standards)",
    check: (pod, report) => {
        for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
            if (pod.spec[field]) report(`spec.${field} must not be true`);
        }
    },
});
