import { podPolicy } from "./lib/define";

/** The sysctls the Pod Security Standards call safe (baseline, as of Kubernetes 1.32). */
const safeSysctls = [
    "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
];

/** PSS baseline "Sysctls". */
export const kubernetesPodSafeSysctls = podPolicy({
    name: "kubernetes-pod-safe-sysctls",
    description: "Pod Security Standards baseline, Sysctls: only the safe sysctl set (seed: Pod Security Standards)",
    check: (pod, report) => {
        for (const s of pod.spec.securityContext?.sysctls ?? []) {
            if (!safeSysctls.includes(s.name)) report(`spec.securityContext.sysctls ${s.name} is not a safe sysctl`);
        }
    },
});
