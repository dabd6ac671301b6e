import { podPolicy } from "./lib/define";

/** PSS baseline "Host Ports". */
export const kubernetesPodNoHostPorts = podPolicy({
    name: "kubernetes-pod-no-host-ports",
    description: "Pod Security Standards baseline, Host Ports: ports[*].hostPort must be unset or 0 (seed: Pod Security Standards)",
    check: (pod, report) => {
        for (const c of pod.containers) {
            for (const p of c.spec.ports ?? []) {
                if (p.hostPort) report(`${c.label}: ports[].hostPort ${p.hostPort} is not allowed`);
            }
        }
    },
});
