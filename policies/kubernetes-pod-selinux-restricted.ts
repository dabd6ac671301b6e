import { podPolicy } from "./lib/define";

const allowedTypes = ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"];

function check(options: any, where: string, report: (m: string) => void): void {
    if (!options) return;
    if (options.type !== undefined && !allowedTypes.includes(options.type)) report(`${where}.seLinuxOptions.type ${options.type} is not allowed`);
    if (options.user) report(`${where}.seLinuxOptions.user must be unset`);
    if (options.role) report(`${where}.seLinuxOptions.role must be unset`);
}

/** PSS baseline "SELinux": only the container types, no custom user or role. */
export const kubernetesPodSelinuxRestricted = podPolicy({
    name: "kubernetes-pod-selinux-restricted",
    description: "Pod Security Standards baseline, SELinux: seLinuxOptions.type limited to container types, user and role unset (seed: Pod Security Standards)",
    check: (pod, report) => {
        check(pod.spec.securityContext?.seLinuxOptions, "spec.securityContext", report);
        for (const c of pod.containers) check(c.spec.securityContext?.seLinuxOptions, `${c.label}: securityContext`, report);
    },
});
