/** One Prometheus alert; each has an entry of the same name in monitoring/alertmanager/runbook.md. */
export interface AlertRule {
    alert: string;
    expr: string;
    for: string;
    /** `critical` pages through the alerts SNS topic; `warning` stays in Alertmanager. */
    severity: "critical" | "warning";
    summary: string;
}

export const runbookPath = "monitoring/alertmanager/runbook.md";

/** The seed's "Alerting" for the services and MongoDB in one namespace. */
export function alertRules(namespace: string): AlertRule[] {
    const ns = `namespace="${namespace}"`;
    return [
        {
            alert: "EventSpherePodRestarting", severity: "warning", for: "5m",
            expr: `increase(kube_pod_container_status_restarts_total{${ns}}[15m]) > 3`,
            summary: "A container restarted more than 3 times in 15 minutes",
        },
        {
            alert: "EventSphereReplicasUnavailable", severity: "critical", for: "10m",
            expr: `kube_deployment_status_replicas_unavailable{${ns}} > 0`,
            summary: "A deployment has had unavailable replicas for 10 minutes",
        },
        {
            alert: "EventSphereHigh5xxRate", severity: "critical", for: "5m",
            expr: `sum by (container) (rate(http_requests_total{${ns},status=~"5.."}[5m])) / sum by (container) (rate(http_requests_total{${ns}}[5m])) > 0.05`,
            summary: "More than 5% of a service's responses are 5xx",
        },
        {
            alert: "EventSphereMongoDbDown", severity: "critical", for: "2m",
            expr: `kube_statefulset_status_replicas_ready{${ns},statefulset="mongodb"} == 0`,
            summary: "No MongoDB member is ready",
        },
        {
            alert: "EventSphereMongoDbMemberUnavailable", severity: "warning", for: "10m",
            expr: `kube_statefulset_status_replicas_ready{${ns},statefulset="mongodb"} < kube_statefulset_replicas{${ns},statefulset="mongodb"}`,
            summary: "A MongoDB replica-set member is not ready",
        },
        {
            alert: "EventSpherePersistentVolumeFillingUp", severity: "critical", for: "10m",
            expr: `kubelet_volume_stats_available_bytes{${ns}} / kubelet_volume_stats_capacity_bytes{${ns}} < 0.15`,
            summary: "A persistent volume has less than 15% free space",
        },
    ];
}
