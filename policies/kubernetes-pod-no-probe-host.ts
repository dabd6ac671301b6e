import { podPolicy } from "./lib/define";

const handlers = ["livenessProbe", "readinessProbe", "startupProbe"];
const lifecycle = ["postStart", "preStop"];

/** PSS baseline "Probes / Lifecycle Hooks": the host field would let a pod probe other addresses. */
export const kubernetesPodNoProbeHost = podPolicy({
    name: "kubernetes-pod-no-probe-host",
    description: "Pod Security Standards baseline, Probes/Lifecycle Hooks: httpGet.host and tcpSocket.host must be unset (seed: Pod Security Standards)",
    check: (pod, report) => {
        for (const c of pod.containers) {
            const probes = [...handlers.map(h => [h, c.spec[h]]), ...lifecycle.map(h => [`lifecycle.${h}`, c.spec.lifecycle?.[h]])];
            for (const [field, handler] of probes) {
                for (const kind of ["httpGet", "tcpSocket"]) {
                    if (handler?.[kind]?.host) report(`${c.label}: ${field}.${kind}.host must be unset`);
                }
            }
        }
    },
});
