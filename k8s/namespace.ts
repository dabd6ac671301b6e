import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

export type PodSecurityLevel = "restricted" | "baseline" | "privileged";

/** What the namespace may consume in total; with a LimitRange so no container runs unbounded. */
export interface NamespaceBudget {
    cpu: string;
    memory: string;
    pods: number;
    persistentVolumeClaims?: number;
    storage?: string;
}

export interface WorkloadNamespaceArgs {
    name: string;
    /** `restricted` for anything EventSphere runs; lower only for a system add-on that needs the host. */
    podSecurity: PodSecurityLevel;
    /** Pins the Pod Security Admission version label, e.g. "1.35". */
    kubernetesVersion: string;
    budget?: NamespaceBudget;
    /** Further labels, such as the opt-in to image-signature verification. */
    labels?: Record<string, string>;
    /** What must run before anything is created here (the admission webhook that checks its pods). */
    waitFor?: pulumi.Resource[];
}

/** Default request and limit for a container that names none, and the largest any container may ask for. */
const containerDefaults = {
    defaultRequest: { cpu: "50m", memory: "64Mi" },
    default: { cpu: "500m", memory: "512Mi" },
    max: { cpu: "2", memory: "4Gi" },
};

/**
 * A namespace with Pod Security Admission labels (seed "Pod Security Standards": enforce, audit and
 * warn, version pinned) and, when given a budget, a ResourceQuota and LimitRange.
 */
export class WorkloadNamespace extends pulumi.ComponentResource {
    /** The namespace's name: a literal, so objects in it are known at preview. */
    readonly name: string;
    readonly namespace: k8s.core.v1.Namespace;

    constructor(name: string, args: WorkloadNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:WorkloadNamespace", name, {}, opts);
        this.name = args.name;
        const version = `v${args.kubernetesVersion}`;
        const labels = Object.fromEntries(["enforce", "audit", "warn"].flatMap(mode => [
            [`pod-security.kubernetes.io/${mode}`, args.podSecurity],
            [`pod-security.kubernetes.io/${mode}-version`, version],
        ]));
        this.namespace = new k8s.core.v1.Namespace(name, { metadata: { name: args.name, labels: { ...args.labels, ...labels } } }, { parent: this, dependsOn: args.waitFor });
        if (args.budget) this.budget(name, args.budget);
        this.registerOutputs({ name: this.name });
    }

    /** Options for an object that lives in this namespace: it waits for the namespace. */
    within(parent: pulumi.Resource): pulumi.CustomResourceOptions {
        return { parent, dependsOn: [this.namespace] };
    }

    private budget(name: string, budget: NamespaceBudget): void {
        const metadata = { name: "budget", namespace: this.name };
        new k8s.core.v1.ResourceQuota(`${name}-quota`, {
            metadata,
            spec: {
                hard: {
                    "requests.cpu": budget.cpu, "limits.cpu": budget.cpu,
                    "requests.memory": budget.memory, "limits.memory": budget.memory,
                    pods: String(budget.pods),
                    ...(budget.persistentVolumeClaims !== undefined ? { persistentvolumeclaims: String(budget.persistentVolumeClaims) } : {}),
                    ...(budget.storage ? { "requests.storage": budget.storage } : {}),
                },
            },
        }, this.within(this));
        new k8s.core.v1.LimitRange(`${name}-limits`, {
            metadata,
            spec: { limits: [{ type: "Container", ...containerDefaults }] },
        }, this.within(this));
    }
}
