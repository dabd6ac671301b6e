import { EnforcementLevel, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { PodView, podOf } from "./pod";

/** The add-on namespaces that may not run restricted pods (kube-system's own, Fluent Bit reading host logs). */
export const defaultExemptNamespaces = ["kube-system", "logging"];

export const exemptionSchema = {
    properties: {
        exemptNamespaces: {
            type: "array" as const, items: { type: "string" as const }, default: defaultExemptNamespaces,
            description: "Namespaces this policy does not check (system add-ons only)",
        },
    },
};

export interface PolicySpec {
    name: string;
    /** What it requires and the seed section or standard it comes from. */
    description: string;
    enforcementLevel?: EnforcementLevel;
}

type Report = (message: string) => void;

/** The configured exemptions, or the defaults when the engine sent no config for this policy. */
export function exemptNamespacesOf(args: { getConfig: <T extends object>() => T }): string[] {
    return args.getConfig<{ exemptNamespaces?: string[] }>()?.exemptNamespaces ?? defaultExemptNamespaces;
}

/** The parts every resource policy shares: name, description, level, exemptions. */
function policy(spec: PolicySpec, validate: ResourceValidationPolicy["validateResource"]): ResourceValidationPolicy {
    return {
        name: spec.name,
        description: spec.description,
        enforcementLevel: spec.enforcementLevel ?? "mandatory",
        configSchema: exemptionSchema,
        validateResource: validate,
    };
}

/** A policy over every pod template (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob). */
export function podPolicy(spec: PolicySpec & { check: (pod: PodView, report: Report) => void }): ResourceValidationPolicy {
    return policy(spec, (args, reportViolation) => {
        const pod = podOf(args.type, args.props);
        if (!pod || exemptNamespacesOf(args).includes(pod.namespace)) return;
        spec.check(pod, message => reportViolation(`${args.type.split(":").pop()} ${args.props.metadata?.name ?? args.name}: ${message}`));
    });
}

/** A policy over resources of the given Pulumi types. */
export function resourcePolicy(spec: PolicySpec & { types: string[]; check: (props: any, report: Report, args: ResourceValidationArgs) => void }): ResourceValidationPolicy {
    return policy(spec, (args, reportViolation) => {
        if (!spec.types.includes(args.type)) return;
        if (args.type.startsWith("kubernetes:") && exemptNamespacesOf(args).includes(args.props.metadata?.namespace ?? args.props.metadata?.name)) return;
        spec.check(args.props, reportViolation, args);
    });
}

/** True when the key is present, even if its value is unknown until the resource it refers to exists. */
export function isSet(props: object, key: string): boolean {
    return key in props;
}
