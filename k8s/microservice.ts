import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ServiceConfig } from "../infra/config";
import { appLabels, selectorOf } from "./labels";
import { WorkloadNamespace } from "./namespace";
import { containerSecurityContext, podSecurityContext, scratchVolumes } from "./security";
import { ServiceEnvironment } from "./service-secrets";

export interface MicroserviceArgs {
    service: ServiceConfig;
    namespace: WorkloadNamespace;
    /** Full image reference (registry, repository, tag or digest). */
    image: string;
    environment: ServiceEnvironment;
    /** The service's IRSA role, when it calls AWS APIs. */
    roleArn?: pulumi.Input<string>;
    /** The autoscaler's ceiling; its floor is the catalog's `replicas`. */
    maxReplicas: number;
}

const portName = "http";

/** Probes on the service's health path; startup allows slow starts before liveness applies. */
function probes(path: string): Pick<k8s.types.input.core.v1.Container, "livenessProbe" | "readinessProbe" | "startupProbe"> {
    const httpGet = { path, port: portName };
    return {
        startupProbe: { httpGet, periodSeconds: 5, failureThreshold: 30 },
        livenessProbe: { httpGet, periodSeconds: 15, timeoutSeconds: 3, failureThreshold: 3 },
        readinessProbe: { httpGet, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
    };
}

/**
 * One catalog entry as a hardened workload (seed "Pod and Workload Security"): its own service
 * account, a Deployment, a Service, a PodDisruptionBudget and a HorizontalPodAutoscaler.
 */
export class Microservice extends pulumi.ComponentResource {
    readonly serviceName: string;

    constructor(name: string, args: MicroserviceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:Microservice", name, {}, opts);
        const { service } = args;
        const namespace = args.namespace.name;
        const labels = appLabels(service.name);
        const metadata = { name: service.name, namespace, labels };
        const within = args.namespace.within(this);
        this.serviceName = service.name;

        const serviceAccount = new k8s.core.v1.ServiceAccount(name, {
            metadata: { ...metadata, ...(args.roleArn ? { annotations: { "eks.amazonaws.com/role-arn": args.roleArn } } : {}) },
            // Nothing here calls the Kubernetes API; IRSA mounts its own projected token.
            automountServiceAccountToken: false,
        }, within);

        const scratch = scratchVolumes(service.writablePaths);
        new k8s.apps.v1.Deployment(name, {
            metadata,
            spec: {
                replicas: service.replicas,
                revisionHistoryLimit: 5,
                selector: { matchLabels: selectorOf(service.name) },
                // Keep full capacity during a rollout: add one new pod before removing an old one.
                strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
                template: {
                    metadata: { labels },
                    spec: {
                        serviceAccountName: service.name,
                        automountServiceAccountToken: false,
                        securityContext: podSecurityContext(service.runAsUser),
                        topologySpreadConstraints: ["topology.kubernetes.io/zone", "kubernetes.io/hostname"].map(topologyKey => ({
                            maxSkew: 1, topologyKey, whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: selectorOf(service.name) },
                        })),
                        containers: [{
                            name: service.name,
                            image: args.image,
                            ports: [{ name: portName, containerPort: service.port, protocol: "TCP" }],
                            env: args.environment.env,
                            envFrom: args.environment.envFrom,
                            securityContext: containerSecurityContext,
                            resources: {
                                requests: { cpu: service.cpu.request, memory: service.memory.request },
                                limits: { cpu: service.cpu.limit, memory: service.memory.limit },
                            },
                            ...probes(service.healthPath),
                            volumeMounts: scratch.volumeMounts,
                        }],
                        volumes: scratch.volumes,
                    },
                },
            },
        }, { ...within, dependsOn: [args.namespace.namespace, serviceAccount], ignoreChanges: ["spec.replicas"] });

        new k8s.core.v1.Service(name, {
            metadata: { ...metadata, annotations: { "alb.ingress.kubernetes.io/healthcheck-path": service.healthPath } },
            spec: { selector: selectorOf(service.name), ports: [{ name: portName, port: service.port, targetPort: portName, protocol: "TCP" }] },
        }, within);
        new k8s.policy.v1.PodDisruptionBudget(name, {
            metadata,
            spec: { maxUnavailable: 1, selector: { matchLabels: selectorOf(service.name) } },
        }, within);
        new k8s.autoscaling.v2.HorizontalPodAutoscaler(name, {
            metadata,
            spec: {
                scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: service.name },
                minReplicas: service.replicas,
                maxReplicas: args.maxReplicas,
                metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
            },
        }, within);
        this.registerOutputs({ serviceName: this.serviceName });
    }
}
