import * as assert from "assert";
import * as path from "path";
import { noopPackDir } from "../tools/bench";
import { analyze } from "../tools/engine/analyze";
import { PolicyPackHost } from "../tools/engine/policy-host";
import { resource, stackRun } from "./harness";

describe("offline engine", () => {
    it("sends the pack one resource at a time, remediate then analyze (with the remediated properties), as the CLI's step generator does", async () => {
        const host = await PolicyPackHost.start({}, path.join(__dirname, "fixtures", "call-log-pack"));
        try {
            const names = ["a", "b", "c", "d"];
            const analysis = await analyze(host, {
                stack: "test", project: "eventsphere", config: {}, preview: true,
                resources: names.map(name => resource("kubernetes:core/v1:ConfigMap", { metadata: { name } }, name)),
            });
            const log = analysis.violations.find(v => v.policy === "call-log");
            assert.ok(log, "the fixture pack reports its call log from analyzeStack");
            const analyzed = (n: string) => n === "c" ? "analyze c remediated" : `analyze ${n}`;
            const expected = names.flatMap(n => [`remediate ${n} start`, `remediate ${n} end`, `${analyzed(n)} start`, `${analyzed(n)} end`]);
            const reported = JSON.parse(log.message.slice(log.message.indexOf("\n") + 1)); // @pulumi/policy puts the description first
            assert.deepStrictEqual(reported.calls, expected);
            assert.deepStrictEqual(reported.remediated, ["c"], "analyzeStack sees the remediated properties, as the CLI's state holds them");
        } finally {
            await host.stop();
        }
    });

    it("the benchmark's no-op reference pack serves the prod stack and reports nothing", async () => {
        const run = await stackRun("prod", true);
        const host = await PolicyPackHost.start({}, noopPackDir);
        try {
            const analysis = await analyze(host, { stack: run.stack, project: run.project, config: {}, preview: true, resources: run.resources });
            assert.deepStrictEqual(analysis.policies.map(p => p.name), ["noop"]);
            assert.deepStrictEqual(analysis.violations, []);
        } finally {
            await host.stop();
        }
    });
});
