import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { projectRoot } from "../tools/engine/stack-config";

/** Runs one of the project's command-line tools as a user would (`npm run <tool> -- args`). */
function tool(script: string, args: string[]) {
    const result = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", path.join("tools", script), ...args], { cwd: projectRoot, encoding: "utf8" });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const fixture = (name: string) => path.join("tests", "fixtures", name);
const noStackTrace = (text: string) => assert.ok(!/\n\s+at .+:\d+:\d+/.test(text), `no stack trace in: ${text}`);

describe("command-line tools", () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "eventsphere-cli-"));
    after(() => fs.rmSync(scratch, { recursive: true, force: true }));

    it("preview:offline --stack dev exits 0 with the verdict, and writes the plan with secrets masked", () => {
        const plan = path.join(scratch, "plan.json");
        const run = tool("preview.ts", ["--stack", "dev", "--json", plan]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.match(run.stdout, /0 mandatory, 0 advisory violations/);
        const written = JSON.parse(fs.readFileSync(plan, "utf8"));
        assert.strictEqual(written.stack, "dev");
        assert.deepStrictEqual(written.violations, []);
        assert.ok(!fs.readFileSync(plan, "utf8").includes("mock-password") && !run.stdout.includes("mock-password"));
    });

    it("preview:offline names an unknown stack without a stack trace (exit 2)", () => {
        const run = tool("preview.ts", ["--stack", "staging"]);
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, /no stack file Pulumi\.staging\.yaml \(stacks here: .*dev.*prod/);
        noStackTrace(run.stderr);
    });

    it("policy:check passes a compliant manifest (exit 0)", () => {
        const run = tool("policy-check.ts", [fixture("good-deployment.yaml")]);
        assert.strictEqual(run.status, 0, run.stdout + run.stderr);
        assert.match(run.stdout, /0 mandatory violations/);
    });

    it("policy:check rejects a privileged container (exit 1), in the documented JSON shape", () => {
        const run = tool("policy-check.ts", ["--json", fixture("bad-deployment.yaml")]);
        assert.strictEqual(run.status, 1);
        const { violations } = JSON.parse(run.stdout);
        const privileged = violations.find((v: any) => v.policy === "kubernetes-pod-no-privileged");
        assert.deepStrictEqual(Object.keys(privileged).sort(), ["enforcementLevel", "message", "policy", "resource", "type"]);
        assert.deepStrictEqual([privileged.enforcementLevel, privileged.resource, privileged.type], ["mandatory", "root-web", "kubernetes:apps/v1:Deployment"]);
    });

    it("policy:check names a malformed file without a stack trace (exit 2)", () => {
        const run = tool("policy-check.ts", [fixture("malformed.yaml")]);
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, /malformed\.yaml: not valid YAML\/JSON/);
        noStackTrace(run.stderr);
    });

    it("policy:check names a missing policy config file (exit 2)", () => {
        const run = tool("policy-check.ts", ["--policy-config", "nope.json", fixture("good-deployment.yaml")]);
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, /nope\.json: no such policy config file/);
    });
});
