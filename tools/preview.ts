/**
 * Offline `pulumi preview --policy-pack policies`: runs the program under the mock runtime and the
 * policy pack over its own gRPC analyzer protocol. Usage:
 *   npm run preview:offline -- --stack <dev|prod> [--json FILE] [--policy-config FILE] [--up]
 */
import * as fs from "fs";
import { parseArgs } from "util";
import { PolicyConfigFile } from "./engine/analyze";
import { readPolicyConfig } from "./engine/manifests";
import { offlinePreview } from "./engine/offline-preview";
import { summary, toPlan } from "./engine/report";
import { listStacks, loadStackConfig } from "./engine/stack-config";
import { runCli } from "./engine/cli";

async function main(): Promise<number> {
    const { values } = parseArgs({
        options: { stack: { type: "string" }, json: { type: "string" }, "policy-config": { type: "string" }, up: { type: "boolean", default: false } },
    });
    if (!values.stack) {
        console.error(`usage: npm run preview:offline -- --stack <${listStacks().join("|")}> [--json FILE] [--policy-config FILE] [--up]`);
        return 2;
    }
    const config = loadStackConfig(values.stack);
    const policyConfig = values["policy-config"] ? readPolicyConfig(values["policy-config"]) as PolicyConfigFile : undefined;
    const preview = !values.up;
    const { run, analysis } = await offlinePreview({ stack: values.stack, config, preview, policyConfig });
    console.log(summary(run, analysis));
    if (values.json) fs.writeFileSync(values.json, JSON.stringify(toPlan(run, analysis), null, 2));
    return analysis.violations.some(v => v.enforcementLevel === "mandatory") ? 1 : 0;
}

runCli(main);
