/**
 * Applies the policy pack, over the same gRPC path as the offline preview, to files on disk:
 *   npm run policy:check -- [--json] [--policy-config FILE] PATH...
 */
import { parseArgs } from "util";
import { analyze, PolicyConfigFile } from "./engine/analyze";
import { readPolicyConfig, readResourceFiles } from "./engine/manifests";
import { runCli } from "./engine/cli";
import { PolicyPackHost } from "./engine/policy-host";

async function main(): Promise<number> {
    const { values, positionals } = parseArgs({
        allowPositionals: true,
        options: { json: { type: "boolean", default: false }, "policy-config": { type: "string" } },
    });
    if (positionals.length === 0) {
        console.error("usage: npm run policy:check -- [--json] [--policy-config FILE] PATH...");
        return 2;
    }
    const resources = readResourceFiles(positionals);
    const policyConfig = values["policy-config"] ? readPolicyConfig(values["policy-config"]) as PolicyConfigFile : undefined;
    const host = await PolicyPackHost.start({});
    try {
        const analysis = await analyze(host, { stack: "check", project: "files", config: {}, preview: false, resources, policyConfig });
        const byUrn = new Map(resources.map(r => [r.urn, r]));
        const violations = analysis.violations.map(v => ({
            policy: v.policy, enforcementLevel: v.enforcementLevel,
            resource: byUrn.get(v.urn)?.name ?? "(stack)", type: byUrn.get(v.urn)?.type ?? "", message: v.message,
        }));
        if (values.json) console.log(JSON.stringify({ violations }, null, 2));
        else {
            for (const v of violations) console.log(`[${v.enforcementLevel}] ${v.policy}  ${v.type} ${v.resource}\n    ${v.message}`);
            console.log(`${resources.length} resources checked, ${violations.filter(v => v.enforcementLevel === "mandatory").length} mandatory violations`);
        }
        return violations.some(v => v.enforcementLevel === "mandatory") ? 1 : 0;
    } finally {
        await host.stop();
    }
}

runCli(main);
