import * as path from "path";
import { CapturedResource } from "./capture";
import { PolicyPackHost } from "./policy-host";
import { EngineConfig } from "./stack-config";

/* eslint-disable @typescript-eslint/no-var-requires */
const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const analyzerProto = require("@pulumi/pulumi/proto/analyzer_pb");
const structproto = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [pulumiDir] }));
const emptyproto = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [pulumiDir] }));

export type EnforcementLevel = "advisory" | "mandatory" | "disabled" | "remediate";
const levelNames: EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];
const levelCodes: Record<EnforcementLevel, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };

export interface Violation {
    policy: string;
    enforcementLevel: EnforcementLevel;
    urn: string;
    message: string;
    description: string;
}

/** What the user may pass with --policy-config: `{ "<policy>": "<level>" | { enforcementLevel?, ...properties } }`. */
export type PolicyConfigFile = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

export interface AnalysisInput {
    stack: string;
    project: string;
    config: EngineConfig;
    preview: boolean;
    resources: CapturedResource[];
    policyConfig?: PolicyConfigFile;
}

export interface Analysis {
    packName: string;
    policies: { name: string; enforcementLevel: EnforcementLevel }[];
    violations: Violation[];
}

function resourceOptions(resource: CapturedResource): any {
    const options = new analyzerProto.AnalyzerResourceOptions();
    options.setProtect(resource.protect);
    options.setIgnorechangesList(resource.ignoreChanges);
    options.setDeletebeforereplace(resource.deleteBeforeReplace);
    options.setDeletebeforereplacedefined(resource.deleteBeforeReplace);
    options.setAdditionalsecretoutputsList(resource.additionalSecretOutputs);
    options.setAliasesList([]);
    options.setParent(resource.parent);
    options.setCustomtimeouts(new analyzerProto.AnalyzerResourceOptions.CustomTimeouts());
    return options;
}

/**
 * The resources under analysis as the engine encodes them: each resource's inputs, options and
 * provider once per run, shared by its `remediate`/`analyze` requests and the `analyzeStack` one.
 */
class EncodedResources {
    private readonly byUrn: Map<string, CapturedResource>;
    private readonly providers = new Map<string, any>();
    private readonly properties = new Map<CapturedResource, any>();
    private readonly options = new Map<CapturedResource, any>();

    constructor(resources: CapturedResource[]) {
        this.byUrn = new Map(resources.map(r => [r.urn, r]));
    }

    propertiesOf(resource: CapturedResource): any {
        return memo(this.properties, resource, () => structproto.Struct.fromJavaScript(resource.inputs));
    }

    /** A remediation replaces the inputs for everything after it, `analyze` and `analyzeStack` alike. */
    remediate(resource: CapturedResource, properties: Record<string, unknown>): void {
        this.properties.set(resource, structproto.Struct.fromJavaScript(properties));
    }

    optionsOf(resource: CapturedResource): any {
        return memo(this.options, resource, () => resourceOptions(resource));
    }

    providerOf(resource: CapturedResource): any {
        return memo(this.providers, resource.provider, () => providerMessage(this.byUrn.get(resource.provider)));
    }
}

function memo<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key)!;
}

function providerMessage(provider: CapturedResource | undefined): any {
    if (!provider) return undefined;
    const message = new analyzerProto.AnalyzerProviderResource();
    message.setType(provider.type);
    message.setProperties(structproto.Struct.fromJavaScript(provider.inputs));
    message.setUrn(provider.urn);
    message.setName(provider.name);
    return message;
}

/** The fields an `AnalyzeRequest` and an `AnalyzerResource` share: type, inputs, URN, name, options, provider. */
function describe(message: any, resource: CapturedResource, encoded: EncodedResources): any {
    message.setType(resource.type);
    message.setProperties(encoded.propertiesOf(resource));
    message.setUrn(resource.urn);
    message.setName(resource.name);
    message.setOptions(encoded.optionsOf(resource));
    const provider = encoded.providerOf(resource);
    if (provider) message.setProvider(provider);
    return message;
}

function analyzeRequest(resource: CapturedResource, encoded: EncodedResources): any {
    return describe(new analyzerProto.AnalyzeRequest(), resource, encoded);
}

function stackResource(resource: CapturedResource, encoded: EncodedResources): any {
    const message = describe(new analyzerProto.AnalyzerResource(), resource, encoded);
    message.setParent(resource.parent);
    message.setDependenciesList(resource.dependencies);
    for (const [key, urns] of Object.entries(resource.propertyDependencies)) {
        const deps = new analyzerProto.AnalyzerPropertyDependencies();
        deps.setUrnsList(urns);
        message.getPropertydependenciesMap().set(key, deps);
    }
    return message;
}

/** The engine attributes a resource's diagnostics to the resource it analysed. */
function toViolations(response: any, analysedUrn = ""): Violation[] {
    return response.getDiagnosticsList().map((d: any) => ({
        policy: d.getPolicyname(),
        enforcementLevel: levelNames[d.getEnforcementlevel()],
        urn: d.getUrn() || analysedUrn,
        message: d.getMessage(),
        description: d.getDescription(),
    }));
}

/** Merges the pack's own initial config with the user's file, as the CLI does before `configure`. */
function configureRequest(info: any, file: PolicyConfigFile = {}): any {
    const request = new analyzerProto.ConfigureAnalyzerRequest();
    const merged: Record<string, { enforcementLevel?: EnforcementLevel; properties: Record<string, unknown> }> = {};
    // Like the CLI, every policy starts from its config schema's defaults.
    for (const policy of info.getPoliciesList()) {
        const schema = policy.getConfigschema()?.getProperties()?.toJavaScript() ?? {};
        const defaults = Object.entries(schema).filter(([, p]: [string, any]) => p?.default !== undefined).map(([k, p]: [string, any]) => [k, p.default]);
        merged[policy.getName()] = { enforcementLevel: levelNames[policy.getEnforcementlevel()], properties: Object.fromEntries(defaults) };
    }
    info.getInitialconfigMap().forEach((config: any, name: string) => {
        merged[name] = { enforcementLevel: levelNames[config.getEnforcementlevel()] ?? merged[name]?.enforcementLevel, properties: { ...merged[name]?.properties, ...config.getProperties()?.toJavaScript() } };
    });
    for (const [name, value] of Object.entries(file)) {
        const { enforcementLevel, ...properties } = typeof value === "string" ? { enforcementLevel: value } : value;
        merged[name] = { enforcementLevel: enforcementLevel ?? merged[name]?.enforcementLevel, properties: { ...merged[name]?.properties, ...properties } };
    }
    for (const [name, { enforcementLevel, properties }] of Object.entries(merged)) {
        const config = new analyzerProto.PolicyConfig();
        if (enforcementLevel) config.setEnforcementlevel(levelCodes[enforcementLevel]);
        config.setProperties(structproto.Struct.fromJavaScript(properties));
        request.getPolicyconfigMap().set(name, config);
    }
    return request;
}

/** Runs the pack over the resources in the CLI's order: configureStack, info, configure, remediate+analyze each, analyzeStack. */
export async function analyze(host: PolicyPackHost, input: AnalysisInput): Promise<Analysis> {
    const stackRequest = new analyzerProto.AnalyzerStackConfigureRequest();
    stackRequest.setStack(input.stack);
    stackRequest.setProject(input.project);
    stackRequest.setOrganization("organization");
    stackRequest.setDryRun(input.preview);
    for (const [key, value] of Object.entries(input.config)) stackRequest.getConfigMap().set(key, value);
    await host.call("configureStack", stackRequest);
    await host.call("getPluginInfo", new emptyproto.Empty());
    const info: any = await host.call("getAnalyzerInfo", new emptyproto.Empty());
    await host.call("configure", configureRequest(info, input.policyConfig));

    // The CLI's step generator handles one registration at a time on the deployment executor's
    // event loop, remediating then analysing it (pkg/resource/deploy/step_generator.go): the pack
    // never sees two resources at once, so neither does it here.
    const encoded = new EncodedResources(input.resources);
    const violations: Violation[] = [];
    for (const resource of input.resources) {
        const request = analyzeRequest(resource, encoded).serializeBinary();
        const remediation: any = await host.callEncoded("remediate", request);
        const remediated = remediation.getRemediationsList().map((r: any) => r.getProperties()?.toJavaScript()).filter(Boolean).pop();
        if (remediated) encoded.remediate(resource, remediated);
        const response = await host.callEncoded("analyze", remediated ? analyzeRequest(resource, encoded).serializeBinary() : request);
        violations.push(...toViolations(response, resource.urn));
    }
    const stack = new analyzerProto.AnalyzeStackRequest();
    stack.setResourcesList(input.resources.map(r => stackResource(r, encoded)));
    violations.push(...toViolations(await host.call("analyzeStack", stack)));

    return {
        packName: info.getName(),
        policies: info.getPoliciesList().map((p: any) => ({ name: p.getName(), enforcementLevel: levelNames[p.getEnforcementlevel()] })),
        violations,
    };
}
