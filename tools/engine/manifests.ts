import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { CapturedResource } from "./capture";

export class InputFileError extends Error {}

/** Pulumi type token of a Kubernetes object: `kubernetes:apps/v1:Deployment`, `kubernetes:core/v1:Pod`. */
export function kubernetesTypeToken(apiVersion: string, kind: string): string {
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["core", apiVersion];
    return `kubernetes:${group}/${version}:${kind}`;
}

export function asResource(type: string, name: string, properties: Record<string, unknown>, index: number): CapturedResource {
    return {
        urn: `urn:pulumi:check::files::${type}::${name}#${index}`, type, name, parent: "", custom: true, remote: false, provider: "",
        dependencies: [], propertyDependencies: {}, inputs: properties, protect: false, retainOnDelete: false,
        ignoreChanges: [], deleteBeforeReplace: false, additionalSecretOutputs: [],
    };
}

function fromDocument(doc: any, file: string, index: number): CapturedResource {
    if (doc && typeof doc.type === "string" && doc.type.includes(":") && doc.properties) {
        return asResource(doc.type, String(doc.name ?? `resource-${index}`), doc.properties, index);
    }
    if (!doc || typeof doc.kind !== "string" || typeof doc.apiVersion !== "string") {
        throw new InputFileError(`${file}: document ${index + 1} has no kind/apiVersion (nor a Pulumi "type" with "properties")`);
    }
    return asResource(kubernetesTypeToken(doc.apiVersion, doc.kind), String(doc.metadata?.name ?? `${doc.kind}-${index}`), doc, index);
}

function filesUnder(target: string): string[] {
    if (!fs.existsSync(target)) throw new InputFileError(`${target}: no such file or directory`);
    if (!fs.statSync(target).isDirectory()) return [target];
    return fs.readdirSync(target).sort().flatMap(f => filesUnder(path.join(target, f)));
}

/** Reads a policy config file (`--policy-config`), naming the file when it is missing or not JSON. */
export function readPolicyConfig(file: string): Record<string, unknown> {
    if (!fs.existsSync(file)) throw new InputFileError(`${file}: no such policy config file`);
    try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new InputFileError(`${file}: not valid JSON: ${(e as Error).message}`);
    }
}

/** Reads Kubernetes manifests (YAML/JSON, multi-document) and `[{type, name, properties}]` JSON files. */
export function readResourceFiles(targets: string[]): CapturedResource[] {
    const resources: CapturedResource[] = [];
    for (const file of targets.flatMap(filesUnder)) {
        if (!/\.(ya?ml|json)$/.test(file)) throw new InputFileError(`${file}: not a .yaml, .yml or .json file`);
        let documents: unknown[];
        try {
            documents = YAML.parseAllDocuments(fs.readFileSync(file, "utf8")).map(d => {
                if (d.errors.length) throw d.errors[0];
                return d.toJS();
            });
        } catch (e) {
            throw new InputFileError(`${file}: not valid YAML/JSON: ${(e as Error).message.split("\n")[0]}`);
        }
        const flat = documents.flatMap(d => Array.isArray(d) ? d : d === null ? [] : [d]);
        flat.forEach(doc => resources.push(fromDocument(doc, file, resources.length)));
    }
    return resources;
}
