import * as k8s from "@pulumi/kubernetes";

import Input = k8s.types.input.core.v1;

/** Seed "Security Context": non-root, fixed user and group, RuntimeDefault seccomp. */
export function podSecurityContext(user: number): Input.PodSecurityContext {
    return {
        runAsNonRoot: true,
        runAsUser: user,
        runAsGroup: user,
        fsGroup: user,
        seccompProfile: { type: "RuntimeDefault" },
    };
}

/** Seed "Container Security Context", for every container: no escalation, no capabilities, read-only root. */
export const containerSecurityContext: Input.SecurityContext = {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
};

/** Writable scratch space where a process must write (nginx's cache and pid paths, /tmp): emptyDir, never the image. */
export function scratchVolumes(paths: string[]): { volumes: Input.Volume[]; volumeMounts: Input.VolumeMount[] } {
    const named = paths.map((path, i) => ({ path, name: `scratch-${i}` }));
    return {
        volumes: named.map(({ name }) => ({ name, emptyDir: { sizeLimit: "256Mi" } })),
        volumeMounts: named.map(({ name, path }) => ({ name, mountPath: path })),
    };
}
