import * as assert from "assert";
import { customRun, analyseResources, stackRun } from "./harness";
import { loadStackConfig } from "../tools/engine/stack-config";
import { toPlan } from "../tools/engine/report";

describe("offline preview", () => {
    for (const stack of ["dev", "prod"] as const) {
        it(`${stack}: no mandatory violation and no policy that could not run at preview`, async () => {
            const analysis = await analyseResources((await stackRun(stack, true)).resources);
            assert.deepStrictEqual(analysis.violations.filter(v => v.enforcementLevel === "mandatory").map(v => v.message), []);
            assert.deepStrictEqual(analysis.violations.filter(v => v.message.includes("can't run")).map(v => v.message), []);
        });
    }

    it("an unsafe change injected by a stack transform is stopped, naming the policy", async () => {
        const run = await customRun({
            stack: "dev", config: loadStackConfig("dev"), preview: true,
            transforms: [args => args.type === "aws:ec2/launchTemplate:LaunchTemplate"
                ? { props: { ...args.props, metadataOptions: { httpTokens: "optional", httpPutResponseHopLimit: 2 } }, opts: args.opts }
                : undefined],
        });
        const mandatory = (await analyseResources(run.resources)).violations.filter(v => v.enforcementLevel === "mandatory");
        assert.deepStrictEqual([...new Set(mandatory.map(v => v.policy))], ["aws-launchtemplate-imdsv2-hop-limit-1"]);
    });

    it("writes the plan in the documented shape, secrets masked", async () => {
        const run = await stackRun("prod");
        const plan = toPlan(run, { packName: "p", policies: [], violations: [] });
        assert.strictEqual(plan.stack, "prod");
        const key = plan.resources.find(r => r.type === "aws:kms/key:Key")!;
        assert.deepStrictEqual(Object.keys(key).sort(), ["dependencies", "inputs", "name", "parent", "protect", "provider", "retainOnDelete", "type", "urn"]);
        assert.ok(!JSON.stringify(plan).includes("mock-password"));
    });
});
