import * as assert from "assert";
import * as path from "path";
import { analyze } from "../tools/engine/analyze";
import { PolicyPackHost } from "../tools/engine/policy-host";
import { resource } from "./harness";

describe("offline engine", () => {
    it("sends the pack one resource at a time, remediate then analyze, as the CLI's step generator does", async () => {
        const host = await PolicyPackHost.start({}, path.join(__dirname, "fixtures", "call-log-pack"));
        try {
            const names = ["a", "b", "c", "d"];
            const analysis = await analyze(host, {
                stack: "test", project: "eventsphere", config: {}, preview: true,
                resources: names.map(name => resource("kubernetes:core/v1:ConfigMap", { metadata: { name } }, name)),
            });
            const log = analysis.violations.find(v => v.policy === "call-log");
            assert.ok(log, "the fixture pack reports its call log from analyzeStack");
            const expected = names.flatMap(n => [`remediate ${n} start`, `remediate ${n} end`, `analyze ${n} start`, `analyze ${n} end`]);
            const reported = log.message.slice(log.message.indexOf("\n") + 1); // @pulumi/policy puts the description first
            assert.deepStrictEqual(JSON.parse(reported), expected);
        } finally {
            await host.stop();
        }
    });
});
