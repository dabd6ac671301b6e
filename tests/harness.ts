import { analyze, Analysis, PolicyConfigFile } from "../tools/engine/analyze";
import { CapturedResource, ProgramRun, RunOptions, runProgram } from "../tools/engine/capture";
import { asResource } from "../tools/engine/manifests";
import { PolicyPackHost } from "../tools/engine/policy-host";
import { EngineConfig, loadStackConfig } from "../tools/engine/stack-config";

const runs = new Map<string, Promise<ProgramRun>>();

/** The committed stack's program run, once per process: as in `pulumi up` (known values) or a preview. */
export function stackRun(stack: "dev" | "prod", preview = false): Promise<ProgramRun> {
    const key = `${stack}/${preview}`;
    if (!runs.has(key)) {
        const previous = Promise.all([...runs.values()]).catch(() => undefined);
        runs.set(key, previous.then(() => runProgram({ stack, config: loadStackConfig(stack), preview })));
    }
    return runs.get(key)!;
}

/** Runs a program variant (never cached). */
export async function customRun(options: RunOptions): Promise<ProgramRun> {
    await Promise.all([...runs.values()]).catch(() => undefined);
    return runProgram(options);
}

export function ofType(run: ProgramRun, type: string): CapturedResource[] {
    return run.resources.filter(r => r.type === type);
}

export function configWith(stack: "dev" | "prod", change: (values: Record<string, any>) => void): EngineConfig {
    const config = loadStackConfig(stack);
    const values: Record<string, any> = {};
    for (const [k, v] of Object.entries(config)) values[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    change(values);
    return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

let host: Promise<PolicyPackHost> | undefined;

/** One policy pack process for the whole test run, spoken to over gRPC like the CLI does. */
export function policyHost(): Promise<PolicyPackHost> {
    host ??= PolicyPackHost.start({});
    return host;
}

after(async () => { if (host) await (await host).stop(); });

export async function analyseResources(resources: CapturedResource[], policyConfig?: PolicyConfigFile): Promise<Analysis> {
    return analyze(await policyHost(), { stack: "test", project: "eventsphere", config: {}, preview: false, resources, policyConfig });
}

/** A single resource as the engine would send it. */
export function resource(type: string, properties: Record<string, unknown>, name = "subject"): CapturedResource {
    return asResource(type, name, properties, 0);
}
