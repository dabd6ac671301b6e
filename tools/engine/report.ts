import { Analysis, Violation } from "./analyze";
import { CapturedResource, ProgramRun } from "./capture";

const secretSignature = "4dabf18193072939515e22adb298388d";
const unknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Wire form → plan form: secrets become "[secret]", values unknown at preview "[unknown]". */
export function maskWireValues(value: unknown): unknown {
    if (value === unknownSentinel) return "[unknown]";
    if (Array.isArray(value)) return value.map(maskWireValues);
    if (value && typeof value === "object") {
        const object = value as Record<string, unknown>;
        if (object[secretSignature] === "1b47061264138c4ac30d75fd1eb44270") return "[secret]";
        if (object[secretSignature] !== undefined) return maskWireValues(object.value ?? object.urn ?? `[${String(object[secretSignature])}]`);
        return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, maskWireValues(v)]));
    }
    return value;
}

export interface Plan {
    stack: string;
    resources: { urn: string; type: string; name: string; parent: string; provider: string; dependencies: string[]; inputs: unknown; protect: boolean; retainOnDelete: boolean }[];
    violations: Violation[];
}

export function toPlan(run: ProgramRun, analysis: Analysis): Plan {
    return {
        stack: run.stack,
        resources: run.resources.map((r: CapturedResource) => ({
            urn: r.urn, type: r.type, name: r.name, parent: r.parent, provider: r.provider, dependencies: r.dependencies,
            inputs: maskWireValues(r.inputs), protect: r.protect, retainOnDelete: r.retainOnDelete,
        })),
        violations: analysis.violations,
    };
}

function tree(resources: CapturedResource[]): string[] {
    const children = new Map<string, CapturedResource[]>();
    for (const r of resources) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
    const lines: string[] = [];
    const walk = (urn: string, depth: number) => {
        for (const child of children.get(urn) ?? []) {
            if (child.custom && depth > 0) continue;
            const count = (children.get(child.urn) ?? []).filter(c => c.custom).length;
            lines.push(`${"  ".repeat(depth)}${child.type} ${child.name}${count ? ` (${count} resources)` : ""}`);
            walk(child.urn, depth + 1);
        }
    };
    walk("", 0);
    return lines;
}

/** Components their provider expands (Helm charts, eks.Cluster): what they make is not seen offline. */
function remoteComponents(resources: CapturedResource[]): string[] {
    const remote = resources.filter(r => r.remote);
    if (remote.length === 0) return [];
    return [
        "", `Not expanded offline (${remote.length} remote components; \`pulumi preview\` sends their children through the pack,`,
        "and `npm run policy:check` checks `helm template` output):",
        ...remote.map(r => `  ${r.type} ${r.name}${r.inputs.chart ? ` (${r.inputs.chart}@${r.inputs.version})` : ""}`),
    ];
}

/** The human summary: counts by type, the component tree, every violation. */
export function summary(run: ProgramRun, analysis: Analysis): string {
    const counts = new Map<string, number>();
    for (const r of run.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    const byLevel = (level: string) => analysis.violations.filter(v => v.enforcementLevel === level);
    const lines = [
        `Previewing stack ${run.project}/${run.stack} offline (mock runtime, policy pack ${analysis.packName} over gRPC)`,
        "", "Components:", ...tree(run.resources).map(l => `  ${l}`),
        "", `Resources: ${run.resources.length}`,
        ...[...counts.entries()].sort((a, b) => b[1] - a[1]).map(([type, n]) => `  ${String(n).padStart(4)}  ${type}`),
        ...remoteComponents(run.resources),
        "", `Policies: ${analysis.policies.length} from ${analysis.packName}`,
    ];
    for (const v of analysis.violations) lines.push(`  [${v.enforcementLevel}] ${v.policy}  ${v.urn.split("::").pop()}\n      ${v.message.split("\n").join("\n      ")}`);
    lines.push("", `${byLevel("mandatory").length} mandatory, ${byLevel("advisory").length} advisory violations`);
    return lines.join("\n");
}
