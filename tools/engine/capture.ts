import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { EngineConfig, projectRoot, readProjectName } from "./stack-config";
import { PlatformMocks } from "./mocks";

// The SDK's own mock monitor and wire helpers: the recording monitor speaks exactly what the SDK sends.
/* eslint-disable @typescript-eslint/no-var-requires */
const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const { MockMonitor } = require("@pulumi/pulumi/runtime/mocks");
const rpc = require("@pulumi/pulumi/runtime/rpc");
const settings = require("@pulumi/pulumi/runtime/settings");
const resproto = require("@pulumi/pulumi/proto/resource_pb");
const structproto = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [pulumiDir] }));

/** One resource registration, as the engine receives it. Inputs are in wire form (secrets and unknowns marked). */
export interface CapturedResource {
    urn: string;
    type: string;
    name: string;
    parent: string;
    custom: boolean;
    remote: boolean;
    provider: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    inputs: Record<string, unknown>;
    protect: boolean;
    retainOnDelete: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
    additionalSecretOutputs: string[];
}

export interface ProgramRun {
    stack: string;
    project: string;
    resources: CapturedResource[];
    outputs: Record<string, unknown>;
}

export interface RunOptions {
    stack: string;
    config: EngineConfig;
    /** true: like `pulumi preview` of a new stack (computed values unknown); false: like `pulumi up`. */
    preview: boolean;
    /** The program: a function that declares resources and returns stack outputs. */
    program?: () => Promise<Record<string, unknown> | void>;
    /** Stack transforms registered before the program runs (tests use them to inject unsafe changes). */
    transforms?: pulumi.ResourceTransformation[];
    /** Replaces the engine's answers (tests use it to stand in for a chart repository, for example). */
    mocks?: pulumi.runtime.Mocks;
}

/** Reference `urn::id` → URN. */
function providerUrn(reference: string): string {
    const cut = reference.lastIndexOf("::");
    return cut > 0 ? reference.slice(0, cut) : reference;
}

class RecordingMonitor extends MockMonitor {
    readonly captured: CapturedResource[] = [];

    constructor(mocks: pulumi.runtime.Mocks) {
        super(mocks);
    }

    async registerResource(req: any, callback: (err: unknown, response: unknown) => void): Promise<void> {
        try {
            const inputs = req.getObject()?.toJavaScript() ?? {};
            const result = await this.mocks.newResource({
                type: req.getType(), name: req.getName(), inputs: rpc.deserializeProperties(req.getObject()),
                provider: req.getProvider(), custom: req.getCustom(), id: req.getImportid(),
            });
            const state = { ...result.state };
            for (const key of req.getAdditionalsecretoutputsList()) {
                if (key in state) state[key] = pulumi.secret(state[key]);
            }
            const urn = this.newUrn(req.getParent(), req.getType(), req.getName());
            const serialized = await rpc.serializeProperties("", state, { keepOutputValues: false });
            this.resources.set(urn, { urn, id: result.id ?? null, state: serialized });
            this.captured.push(this.record(req, urn, inputs));
            const response = new resproto.RegisterResourceResponse();
            response.setUrn(urn);
            response.setId(result.id || "");
            response.setObject(structproto.Struct.fromJavaScript(serialized));
            callback(null, response);
        } catch (err) {
            callback(err, undefined);
        }
    }

    private record(req: any, urn: string, inputs: Record<string, unknown>): CapturedResource {
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps: any, key: string) => { propertyDependencies[key] = deps.getUrnsList(); });
        return {
            urn, type: req.getType(), name: req.getName(), parent: req.getParent(), custom: req.getCustom(), remote: req.getRemote(),
            provider: req.getProvider() ? providerUrn(req.getProvider()) : "",
            dependencies: req.getDependenciesList(), propertyDependencies, inputs,
            protect: !!req.getProtect(), retainOnDelete: !!req.getRetainondelete(),
            ignoreChanges: req.getIgnorechangesList(), deleteBeforeReplace: req.getDeletebeforereplace(),
            additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        };
    }
}

function defaultProgram(): () => Promise<Record<string, unknown>> {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return require(path.join(projectRoot, "index.ts"));
}

/**
 * Waits until the program stops registering. Resources declared inside `apply` (Helm v3 charts, YAML
 * files) register after the stack's outputs resolve; the real language host keeps running until its
 * event loop drains, so the engine here waits until a few quiet turns pass with no new registration.
 */
async function settle(monitor: RecordingMonitor, quietTurns = 3): Promise<void> {
    let quiet = 0;
    while (quiet < quietTurns) {
        const before = monitor.captured.length;
        await settings.waitForRPCs();
        await new Promise(resolve => setTimeout(resolve, 5));
        quiet = monitor.captured.length === before ? quiet + 1 : 0;
    }
}

let running = false;

/** Runs the Pulumi program under the SDK's mock runtime and records every registration. */
export async function runProgram(options: RunOptions): Promise<ProgramRun> {
    if (running) throw new Error("runProgram: one program at a time per process (the Pulumi runtime is global)");
    running = true;
    // The SDK captures a stack trace for every resource (its source position, which this engine never
    // reports); ts-node's source-mapped traces made that most of a run's time. Plain V8 traces meanwhile.
    const errors = Error as { prepareStackTrace?: unknown };
    const prepareStackTrace = errors.prepareStackTrace;
    errors.prepareStackTrace = undefined;
    try {
        const project = readProjectName();
        const monitor = new RecordingMonitor(options.mocks ?? PlatformMocks.forStack(options.preview, options.config));
        pulumi.runtime.setMockOptions(monitor, project, options.stack, options.preview);
        pulumi.runtime.setAllConfig(options.config);
        const program = options.program ?? defaultProgram();
        const outputs = await pulumi.runtime.runInPulumiStack(async () => {
            for (const transform of options.transforms ?? []) pulumi.runtime.registerStackTransformation(transform);
            return program();
        });
        await settle(monitor);
        return { stack: options.stack, project, resources: monitor.captured, outputs: (outputs ?? {}) as Record<string, unknown> };
    } finally {
        errors.prepareStackTrace = prepareStackTrace;
        running = false;
    }
}
