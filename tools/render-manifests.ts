/**
 * Writes the Kubernetes objects a stack declares (offline, as after `pulumi up`) as one YAML file,
 * for manifest scanners (Trivy) and `npm run policy:check`. Helm charts are listed, not rendered.
 *   npm run render:manifests -- --stack <dev|prod> --out FILE
 */
import * as fs from "fs";
import { parseArgs } from "util";
import * as YAML from "yaml";
import { CapturedResource, ProgramRun, runProgram } from "./engine/capture";
import { runCli } from "./engine/cli";
import { maskWireValues } from "./engine/report";
import { loadStackConfig } from "./engine/stack-config";

/** A plain Kubernetes object (Helm charts are remote components, rendered by their provider). */
export const isKubernetesObject = (r: CapturedResource) => r.custom && r.type.startsWith("kubernetes:");

export function kubernetesManifests(run: ProgramRun): Record<string, unknown>[] {
    return run.resources.filter(isKubernetesObject).map(r => maskWireValues(r.inputs) as Record<string, unknown>);
}

async function main(): Promise<number> {
    const { values } = parseArgs({ options: { stack: { type: "string" }, out: { type: "string" } } });
    if (!values.stack || !values.out) {
        console.error("usage: npm run render:manifests -- --stack <dev|prod> --out FILE");
        return 2;
    }
    const run = await runProgram({ stack: values.stack, config: loadStackConfig(values.stack), preview: false });
    const manifests = kubernetesManifests(run);
    fs.writeFileSync(values.out, manifests.map(m => YAML.stringify(m)).join("---\n"));
    const charts = run.resources.filter(r => r.type.startsWith("kubernetes:helm.sh")).map(r => `${(r.inputs as any).chart}@${(r.inputs as any).version}`);
    console.log(`${manifests.length} objects written to ${values.out}; charts (render with helm template): ${charts.join(", ")}`);
    return 0;
}

if (require.main === module) runCli(main);
