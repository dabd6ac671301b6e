import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ConfigProblem, configRules } from "./rules";
import { ParsedStackConfig, stackSchema } from "./schema";

export { dataStores, secretKeys, topicKeys, TopicKey, SecretKey } from "./schema";
export const projectNamespace = "eventsphere";

/** The validated stack configuration, with the values derived from it. */
export interface StackConfig extends ParsedStackConfig {
    /** Prefix of every AWS name: `eventsphere-<environment>`. */
    namePrefix: string;
    /** Whether stateful resources are protected and retained on delete (prod). */
    protectStatefulResources: boolean;
    cluster: ParsedStackConfig["cluster"] & { deletionProtection: boolean };
    imageSigning: ParsedStackConfig["imageSigning"] & { enforce: boolean };
}

export type ServiceConfig = StackConfig["services"][number];
export type NodeGroupConfig = StackConfig["nodeGroups"][number];
export type ImageConfig = ServiceConfig["image"];
export type MongoDbConfig = StackConfig["mongodb"];
export type DeliveryConfig = NonNullable<StackConfig["delivery"]>;

/** A user's mistake in stack config: reported without a stack trace. */
export class ConfigError extends pulumi.RunError {
    constructor(readonly problems: ConfigProblem[]) {
        super(["Invalid stack configuration:", ...problems.map(describe)].join("\n  - "));
    }
}

function describe(p: ConfigProblem): string {
    return `${projectNamespace}:${p.key} = ${JSON.stringify(p.value)}: ${p.rule}`;
}

/** Turns the engine's flat `project:key` map (structured values as JSON text) into one object. */
function unflatten(raw: Record<string, string>): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [fullKey, text] of Object.entries(raw)) {
        const [namespace, key] = fullKey.split(":", 2);
        if (namespace !== projectNamespace || key === undefined) continue;
        values[key] = /^\s*[[{]/.test(text) ? JSON.parse(text) : text;
    }
    return values;
}

function keyOf(path: PropertyKey[]): string {
    return path.map((p, i) => typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`).join("");
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
    return path.reduce<unknown>((node, p) => (node as Record<PropertyKey, unknown> | undefined)?.[p], root);
}

function schemaProblems(values: Record<string, unknown>, error: z.ZodError): ConfigProblem[] {
    return error.issues.map(issue => {
        const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : [];
        if (unknownKeys.length > 0) {
            return { key: keyOf([...issue.path, unknownKeys[0]]), value: valueAt(values, [...issue.path, unknownKeys[0]]), rule: `unknown key (misspelt?): allowed keys are the documented ones, see README` };
        }
        const value = valueAt(values, issue.path);
        return { key: keyOf(issue.path), value, rule: value === undefined ? `required key is missing (${issue.message})` : issue.message };
    });
}

/** Validates the raw config map; throws a ConfigError naming every bad key. */
export function parseStackConfig(raw: Record<string, string>): StackConfig {
    let values: Record<string, unknown>;
    try {
        values = unflatten(raw);
    } catch (e) {
        throw new ConfigError([{ key: "(structured value)", value: String(e), rule: "must be valid YAML/JSON" }]);
    }
    const parsed = stackSchema.safeParse(values);
    if (!parsed.success) throw new ConfigError(schemaProblems(values, parsed.error));
    const problems = configRules.flatMap(rule => rule(parsed.data));
    if (problems.length > 0) throw new ConfigError(problems);
    const config = parsed.data;
    return {
        ...config,
        namePrefix: `${projectNamespace}-${config.environment}`,
        protectStatefulResources: config.environment === "prod",
        cluster: { ...config.cluster, deletionProtection: config.cluster.deletionProtection ?? config.environment === "prod" },
        imageSigning: { ...config.imageSigning, enforce: config.imageSigning.enforce ?? config.environment === "prod" },
    };
}

/** Reads this stack's config from the Pulumi engine, once, at the program's edge. */
export function readStackConfig(): StackConfig {
    return parseStackConfig(pulumi.runtime.allConfig());
}
