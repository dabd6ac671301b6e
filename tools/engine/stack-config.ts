import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";

export const projectRoot = path.resolve(__dirname, "..", "..");

/** A stack file's config, as the CLI hands it to a program: `ns:key` → text (structured values as JSON). */
export type EngineConfig = Record<string, string>;

export class StackFileError extends Error {}

export function readProjectName(root = projectRoot): string {
    const project = YAML.parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as { name?: string };
    if (!project?.name) throw new StackFileError("Pulumi.yaml has no project name");
    return project.name;
}

/** Encodes config values the way the Pulumi CLI does before it starts a program. */
export function encodeConfig(values: Record<string, unknown>, projectName: string): EngineConfig {
    const encoded: EngineConfig = {};
    for (const [key, value] of Object.entries(values)) {
        const fullKey = key.includes(":") ? key : `${projectName}:${key}`;
        if (value !== null && typeof value === "object" && "secure" in (value as object)) {
            throw new StackFileError(`${fullKey} is an encrypted secret: the offline preview cannot decrypt it; this project generates its secrets instead`);
        }
        encoded[fullKey] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return encoded;
}

/** Loads `Pulumi.<stack>.yaml` like the CLI does. */
export function loadStackConfig(stack: string, root = projectRoot): EngineConfig {
    const file = path.join(root, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) throw new StackFileError(`no stack file ${path.relative(process.cwd(), file)} (stacks here: ${listStacks(root).join(", ")})`);
    let document: { config?: Record<string, unknown> };
    try {
        document = YAML.parse(fs.readFileSync(file, "utf8")) ?? {};
    } catch (e) {
        throw new StackFileError(`${file}: not valid YAML: ${(e as Error).message}`);
    }
    return encodeConfig(document.config ?? {}, readProjectName(root));
}

export function listStacks(root = projectRoot): string[] {
    return fs.readdirSync(root).map(f => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1]).filter((s): s is string => !!s);
}
