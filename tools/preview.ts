/**
 * Offline `pulumi preview --policy-pack policies`: runs the program under the mock runtime and the
 * policy pack over its own gRPC analyzer protocol. Usage:
 *   npm run preview:offline -- --stack <dev|prod> [--json FILE] [--policy-config FILE] [--up]
 */
import * as fs from "fs";
import { parseArgs } from "util";
import { analyze, PolicyConfigFile } from "./engine/analyze";
import { runProgram } from "./engine/capture";
import { PolicyPackHost } from "./engine/policy-host";
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
    const policyConfig = values["policy-config"] ? JSON.parse(fs.readFileSync(values["policy-config"], "utf8")) as PolicyConfigFile : undefined;
    const preview = !values.up;
    const run = await runProgram({ stack: values.stack, config, preview });
    const host = await PolicyPackHost.start(config);
    try {
        const analysis = await analyze(host, { stack: run.stack, project: run.project, config, preview, resources: run.resources, policyConfig });
        console.log(summary(run, analysis));
        if (values.json) fs.writeFileSync(values.json, JSON.stringify(toPlan(run, analysis), null, 2));
        return analysis.violations.some(v => v.enforcementLevel === "mandatory") ? 1 : 0;
    } finally {
        await host.stop();
    }
}

runCli(main);
