import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { alertRules, runbookPath } from "./alert-rules";
import { chartSource, irsaServiceAccount } from "./charts";
import { partOf } from "./labels";
import { WorkloadNamespace } from "./namespace";

export interface MonitoringArgs {
    namespace: WorkloadNamespace;
    /** Where the services run: scraped, and the subject of the alert rules. */
    applicationNamespace: WorkloadNamespace;
    region: string;
    /** Critical alerts are published here (the seed's security/critical SNS topic). */
    criticalTopicArn: string;
    alertmanagerServiceAccount: string;
    alertmanagerRoleArn: pulumi.Input<string>;
    storageClassName: string;
}

/** Prometheus pods' labels, as the operator sets them (the services' network policies admit them). */
export const prometheusPodLabels = { "app.kubernetes.io/name": "prometheus" };

/** CPU may burst to its limit; memory is reserved whole (request = limit). */
const resources = (cpu: { request: string; limit: string }, memory: string) => ({ requests: { cpu: cpu.request, memory }, limits: { cpu: cpu.limit, memory } });

/**
 * Seed "Alerting": Prometheus and Alertmanager from kube-prometheus-stack (pinned), the services'
 * alert rules, and Alertmanager publishing critical alerts to SNS with its own IRSA role.
 * Node exporter (host namespaces and paths) and Grafana are off, so the namespace stays restricted.
 */
export class Monitoring extends pulumi.ComponentResource {
    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:Monitoring", name, {}, opts);
        const stack = new k8s.helm.v4.Chart(name, {
            ...chartSource("prometheusStack"),
            namespace: args.namespace.name,
            values: {
                grafana: { enabled: false },
                nodeExporter: { enabled: false },
                alertmanager: {
                    serviceAccount: irsaServiceAccount(args.alertmanagerServiceAccount, args.alertmanagerRoleArn),
                    config: alertmanagerConfig(args),
                    alertmanagerSpec: { resources: resources({ request: "25m", limit: "100m" }, "128Mi") },
                },
                prometheus: {
                    prometheusSpec: {
                        ruleSelectorNilUsesHelmValues: false,
                        podMonitorSelectorNilUsesHelmValues: false,
                        serviceMonitorSelectorNilUsesHelmValues: false,
                        retention: "15d",
                        resources: resources({ request: "200m", limit: "800m" }, "1Gi"),
                        storageSpec: {
                            volumeClaimTemplate: { spec: { storageClassName: args.storageClassName, accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "20Gi" } } } },
                        },
                    },
                },
                prometheusOperator: {
                    resources: resources({ request: "50m", limit: "200m" }, "128Mi"),
                    // The webhook's certificate Job: every container in the namespace has limits.
                    admissionWebhooks: { patch: { resources: resources({ request: "10m", limit: "40m" }, "64Mi") } },
                },
                "kube-state-metrics": { resources: resources({ request: "25m", limit: "100m" }, "128Mi") },
            },
        }, args.namespace.within(this));

        new k8s.apiextensions.CustomResource(`${name}-services`, {
            apiVersion: "monitoring.coreos.com/v1",
            kind: "PodMonitor",
            metadata: { name: "eventsphere-services", namespace: args.applicationNamespace.name },
            spec: {
                selector: { matchLabels: { "app.kubernetes.io/part-of": partOf }, matchExpressions: [{ key: "app.kubernetes.io/name", operator: "NotIn", values: ["mongodb", "mongodb-init"] }] },
                podMetricsEndpoints: [{ port: "http", path: "/metrics" }],
            },
        }, { parent: this, dependsOn: [stack, args.applicationNamespace.namespace] });

        new k8s.apiextensions.CustomResource(`${name}-rules`, {
            apiVersion: "monitoring.coreos.com/v1",
            kind: "PrometheusRule",
            metadata: { name: "eventsphere", namespace: args.namespace.name },
            spec: {
                groups: [{
                    name: "eventsphere",
                    rules: alertRules(args.applicationNamespace.name).map(rule => ({
                        alert: rule.alert,
                        expr: rule.expr,
                        for: rule.for,
                        labels: { severity: rule.severity },
                        annotations: { summary: rule.summary, runbook_url: `${runbookPath}#${rule.alert.toLowerCase()}` },
                    })),
                }],
            },
        }, { parent: this, dependsOn: [stack] });
        this.registerOutputs({});
    }
}

/** Alertmanager's configuration: critical alerts to SNS (SigV4 with the pod's IRSA credentials). */
export function alertmanagerConfig(args: Pick<MonitoringArgs, "region" | "criticalTopicArn">) {
    return {
        route: {
            receiver: "none",
            group_by: ["alertname", "namespace"],
            routes: [{ receiver: "sns-critical", matchers: ['severity="critical"'] }],
        },
        receivers: [
            { name: "none" },
            {
                name: "sns-critical",
                sns_configs: [{
                    topic_arn: args.criticalTopicArn,
                    sigv4: { region: args.region },
                    subject: "[EventSphere] {{ .CommonLabels.alertname }}",
                    send_resolved: true,
                }],
            },
        ],
    };
}
