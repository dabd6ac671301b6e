/** Reads the pod template out of any Kubernetes workload, the way the API server sees it. */
export const workloadTypes: Record<string, (o: any) => any> = {
    "kubernetes:core/v1:Pod": o => o,
    "kubernetes:apps/v1:Deployment": o => o.spec?.template,
    "kubernetes:apps/v1:StatefulSet": o => o.spec?.template,
    "kubernetes:apps/v1:DaemonSet": o => o.spec?.template,
    "kubernetes:apps/v1:ReplicaSet": o => o.spec?.template,
    "kubernetes:batch/v1:Job": o => o.spec?.template,
    "kubernetes:batch/v1:CronJob": o => o.spec?.jobTemplate?.spec?.template,
};

export interface Container {
    /** "container app", "initContainer migrate", "ephemeralContainer debug". */
    label: string;
    spec: any;
}

export interface PodView {
    namespace: string;
    annotations: Record<string, string>;
    spec: any;
    containers: Container[];
    /** A Job's or CronJob's pod (or a bare pod that is not restarted): it exits when done. */
    runsToCompletion: boolean;
}

const batchTypes = ["kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob"];

export function podOf(type: string, object: any): PodView | undefined {
    const template = workloadTypes[type]?.(object);
    if (!template) return undefined;
    const spec = template.spec ?? {};
    const list = (field: string, kind: string): Container[] => (spec[field] ?? []).map((c: any) => ({ label: `${kind} ${c.name}`, spec: c }));
    return {
        namespace: object.metadata?.namespace ?? "default",
        annotations: { ...(object.metadata?.annotations ?? {}), ...(template.metadata?.annotations ?? {}) },
        spec,
        containers: [...list("containers", "container"), ...list("initContainers", "initContainer"), ...list("ephemeralContainers", "ephemeralContainer")],
        runsToCompletion: batchTypes.includes(type) || (spec.restartPolicy !== undefined && spec.restartPolicy !== "Always"),
    };
}

/** A container's effective security setting: its own, else the pod's (Kubernetes' precedence). */
export function effective<T>(pod: PodView, container: Container, field: string): T | undefined {
    return container.spec.securityContext?.[field] ?? pod.spec.securityContext?.[field];
}
