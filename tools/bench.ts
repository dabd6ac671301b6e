/**
 * Offline engine benchmark: median wall time of a full offline preview (program under mocks, policy
 * pack started, every resource analysed) for each stack, an empty program (the floor), and a
 * synthetic stack with ten times the services; then resources per second through the pack.
 *   npm run bench [-- --runs N]
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { analyze } from "./engine/analyze";
import { ProgramRun } from "./engine/capture";
import { offlinePreview } from "./engine/offline-preview";
import { defaultPackDir, PolicyPackHost } from "./engine/policy-host";
import { EngineConfig, loadStackConfig } from "./engine/stack-config";

interface Scenario {
    label: string;
    stack: string;
    config: EngineConfig;
    program?: () => Promise<Record<string, unknown>>;
}

interface Measurement {
    label: string;
    resources: number;
    medianMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The stack's catalog copied `factor` times; each copy talks only to its own peers and data stores. */
export function multiplyServices(config: EngineConfig, factor: number): EngineConfig {
    const services: any[] = JSON.parse(config["eventsphere:services"]);
    const names = new Set(services.map(s => s.name));
    const copies = Array.from({ length: factor }, (_, copy) => {
        const rename = (name: string) => copy === 0 || !names.has(name) ? name : `${name}-${copy}`;
        return services.map(s => ({
            ...s,
            name: rename(s.name),
            image: { ...s.image, repository: rename(s.image.repository) },
            ingressPath: s.ingressPath && copy > 0 ? `${s.ingressPath.replace(/\/$/, "")}/copy-${copy}` : s.ingressPath,
            talksTo: (s.talksTo ?? []).map(rename),
        }));
    });
    return { ...config, "eventsphere:services": JSON.stringify(copies.flat()) };
}

/** One offline preview, end to end, exactly as `npm run preview:offline` runs it. */
async function previewOnce(scenario: Scenario): Promise<{ ms: number; run: ProgramRun }> {
    const started = process.hrtime.bigint();
    const { run } = await offlinePreview({ stack: scenario.stack, config: scenario.config, preview: true, program: scenario.program });
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, run };
}

async function measure(scenario: Scenario, runs: number): Promise<Measurement & { run: ProgramRun }> {
    await previewOnce(scenario); // warm-up: module loading and compilation are paid once per process
    const times: number[] = [];
    let last: ProgramRun | undefined;
    for (let i = 0; i < runs; i++) {
        const { ms, run } = await previewOnce(scenario);
        times.push(ms);
        last = run;
    }
    return { label: scenario.label, resources: last!.resources.length, medianMs: median(times), run: last! };
}

/** A pack with one policy that does nothing: what the Analyzer protocol itself costs through this engine. */
export const noopPackDir = path.join(__dirname, "noop-policy-pack");

interface Throughput {
    resourcesPerSecond: number;
    /** The pack process's own CPU per resource, where the OS reports it (Linux). */
    packCpuMs?: number;
}

/** CPU seconds a process has used so far, from /proc (Linux; USER_HZ is 100). */
function processCpuSeconds(pid: number | undefined): number | undefined {
    const stat = pid !== undefined && fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, "utf8") : undefined;
    if (!stat) return undefined;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Analyzer throughput alone, at steady state: the resources sent through one running pack until both
 * processes' JIT has warmed up, then `rounds` more times, timed.
 */
async function analyzerThroughput(run: ProgramRun, config: EngineConfig, rounds: number, packDir = defaultPackDir, warmUpRounds = 5): Promise<Throughput> {
    const host = await PolicyPackHost.start(config, packDir);
    try {
        const input = { stack: run.stack, project: run.project, config, preview: true, resources: run.resources };
        for (let i = 0; i < warmUpRounds; i++) await analyze(host, input);
        const cpuBefore = processCpuSeconds(host.pid);
        const started = process.hrtime.bigint();
        for (let i = 0; i < rounds; i++) await analyze(host, input);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const cpuAfter = processCpuSeconds(host.pid);
        const analysed = run.resources.length * rounds;
        const packCpuMs = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) * 1000 / analysed : undefined;
        return { resourcesPerSecond: analysed / seconds, packCpuMs };
    } finally {
        await host.stop();
    }
}

function describeThroughput(label: string, t: Throughput): string {
    const cpu = t.packCpuMs === undefined ? "" : `; pack CPU ${t.packCpuMs.toFixed(2)} ms/resource, so at most ${(1000 / t.packCpuMs).toFixed(0)}/s with a free engine`;
    return `  ${label.padEnd(42)} ${t.resourcesPerSecond.toFixed(0).padStart(5)} resources/s${cpu}`;
}

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
    const runs = Number(values.runs);
    const dev = loadStackConfig("dev");
    const prod = loadStackConfig("prod");
    const scenarios: Scenario[] = [
        { label: "empty program (floor)", stack: "dev", config: dev, program: async () => ({}) },
        { label: "dev", stack: "dev", config: dev },
        { label: "prod", stack: "prod", config: prod },
        { label: "prod, 10x services", stack: "prod", config: multiplyServices(prod, 10) },
    ];
    const results = [];
    for (const scenario of scenarios) results.push(await measure(scenario, runs));
    const [floor, , prodResult, tenfold] = results;

    console.log(`median of ${runs} runs after one warm-up, each: program under mocks and policy pack start (in parallel), then analysis`);
    for (const r of results) console.log(`  ${r.label.padEnd(24)} ${String(r.resources).padStart(5)} resources  ${r.medianMs.toFixed(0).padStart(6)} ms`);
    const perResource = (r: Measurement) => (r.medianMs - floor.medianMs) / Math.max(1, r.resources - floor.resources);
    console.log(`prod / floor:              ${(prodResult.medianMs / floor.medianMs).toFixed(2)}x   (target <= 1.5x)`);
    console.log(`10x services / prod:       ${(tenfold.medianMs / prodResult.medianMs).toFixed(2)}x time for ${(tenfold.resources / prodResult.resources).toFixed(2)}x resources   (target <= 10x)`);
    console.log(`marginal cost per resource: prod ${perResource(prodResult).toFixed(2)} ms, 10x ${perResource(tenfold).toFixed(2)} ms (linear if close)`);
    const rounds = Math.max(runs, 10);
    console.log("analyzer throughput at steady state, one resource at a time as the CLI sends them   (target >= 1000/s):");
    for (const r of [prodResult, tenfold]) {
        console.log(describeThroughput(r.label, await analyzerThroughput(r.run, prod, rounds)));
        console.log(describeThroughput(`${r.label}, no-op reference pack`, await analyzerThroughput(r.run, prod, rounds, noopPackDir)));
    }
}

if (require.main === module) main().catch(err => { console.error(err); process.exit(1); });
