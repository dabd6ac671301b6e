import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { imageJobs } from "../tools/image-matrix";
import { parseDigestArguments, pinDigests } from "../tools/set-image-digests";
import { projectRoot } from "../tools/engine/stack-config";

const workflowDir = path.join(projectRoot, ".github", "workflows");
const workflow = (name: string) => YAML.parse(fs.readFileSync(path.join(workflowDir, name), "utf8"));
type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string };
const indexOf = (steps: Step[], match: (s: Step) => boolean, what: string) => {
    const index = steps.findIndex(match);
    assert.ok(index >= 0, `no step: ${what}`);
    return index;
};
const uses = (action: string) => (s: Step) => s.uses?.startsWith(`${action}@`) ?? false;
const runs = (command: string) => (s: Step) => s.run?.includes(command) ?? false;

describe("GitHub workflows", () => {
    const files = fs.readdirSync(workflowDir).filter(f => /\.ya?ml$/.test(f));

    it("include the pull-request preview and the image pipeline", () => {
        assert.deepStrictEqual(files.sort(), ["images.yml", "preview.yml"]);
    });

    for (const file of files) {
        it(`${file} is a valid workflow (action-validator)`, () => {
            const validator = path.join(projectRoot, "node_modules", ".bin", "action-validator");
            const result = spawnSync(validator, [path.join(workflowDir, file)], { encoding: "utf8" });
            assert.strictEqual(result.status, 0, result.stdout + result.stderr);
        });

        it(`${file} pins every action to a commit and holds no long-lived AWS keys`, () => {
            const text = fs.readFileSync(path.join(workflowDir, file), "utf8");
            const actions = [...text.matchAll(/uses:\s*(\S+)/g)].map(m => m[1]);
            assert.ok(actions.length > 0);
            for (const action of actions) assert.match(action, /@[0-9a-f]{40}$/, action);
            assert.ok(!/aws-access-key-id|aws-secret-access-key/.test(text), "credentials come from OIDC");
        });
    }

    describe("preview.yml", () => {
        const wf = workflow("preview.yml");

        it("runs on pull requests: tests and scans first, then a preview of each stack", () => {
            assert.ok(wf.on.pull_request);
            assert.deepStrictEqual(wf.jobs.preview.needs, ["test", "scan"]);
            assert.deepStrictEqual(wf.jobs.preview.strategy.matrix.stack, ["dev", "prod"]);
            assert.ok(wf.jobs.test.steps.some(runs("npm test")));
        });

        it("installs from the lock file, assumes the preview role by OIDC, then previews with the policy pack and comments", () => {
            const job = wf.jobs.preview;
            const steps: Step[] = job.steps;
            assert.strictEqual(job.permissions["id-token"], "write");
            const install = indexOf(steps, runs("npm ci"), "npm ci");
            const cache = indexOf(steps, s => String(s.with?.path ?? "").includes("~/.pulumi/policies"), "policy pack cache");
            const credentials = indexOf(steps, uses("aws-actions/configure-aws-credentials"), "AWS credentials");
            const preview = indexOf(steps, uses("pulumi/actions"), "pulumi/actions");
            assert.ok(install < preview && cache < preview && credentials < preview, "install, cache and credentials come first");
            assert.match(String(steps[credentials].with!["role-to-assume"]), /github-preview$/);
            assert.deepStrictEqual(
                { command: steps[preview].with!.command, policyPacks: steps[preview].with!.policyPacks, comment: steps[preview].with!["comment-on-pr"] },
                { command: "preview", policyPacks: "policies", comment: true });
            assert.match(String(steps[preview].with!["stack-name"]), /\$\{\{ matrix\.stack \}\}$/);
        });

        it("scans the repository (Trivy filesystem and config) and the rendered manifests with the policy pack", () => {
            const steps: Step[] = wf.jobs.scan.steps;
            const render = indexOf(steps, runs("render:manifests"), "render manifests");
            const check = indexOf(steps, runs("policy:check"), "policy check of the manifests");
            const trivy = steps.filter(uses("aquasecurity/trivy-action")).map(s => s.with!["scan-type"]);
            assert.ok(render < check);
            assert.deepStrictEqual(trivy.sort(), ["config", "fs"]);
        });
    });

    describe("images.yml", () => {
        const wf = workflow("images.yml");
        const steps: Step[] = wf.jobs.image.steps;

        it("scans before pushing, signs after pushing, verifies after signing, records the digest last", () => {
            const gate = indexOf(steps, s => uses("aquasecurity/trivy-action")(s) && s.with!["exit-code"] === "1", "Trivy gate");
            const push = indexOf(steps, runs("docker push"), "push");
            const sign = indexOf(steps, runs("cosign sign"), "sign");
            const verify = indexOf(steps, runs("cosign verify"), "verify");
            const record = indexOf(steps, s => s.name?.startsWith("Record") ?? false, "record digest");
            assert.ok(gate < push && push < sign && sign < verify && verify < record, `${gate} < ${push} < ${sign} < ${verify} < ${record}`);
            assert.strictEqual(steps[gate].with!.severity, "CRITICAL,HIGH");
        });

        it("uploads the scan to code scanning and signs the pushed digest", () => {
            assert.ok(steps.some(uses("github/codeql-action/upload-sarif")));
            assert.ok(steps.find(runs("cosign sign"))!.run!.includes("--yes"));
            assert.match(String((steps.find(runs("cosign sign")) as any).env.IMAGE), /@\$\{\{ steps\.push\.outputs\.digest \}\}$/);
        });

        it("pins the verified digests in a pull request only after every image job succeeded", () => {
            assert.strictEqual(wf.jobs["pin-digests"].needs, "image");
            assert.ok(wf.jobs["pin-digests"].steps.some(runs("set:image-digests")));
            assert.ok(wf.jobs["pin-digests"].steps.some(uses("peter-evans/create-pull-request")));
        });
    });
});

describe("image pipeline tools", () => {
    it("the matrix covers every service of each stack, and mirrors MongoDB from upstream", () => {
        const jobs = imageJobs(["dev", "prod"]);
        assert.deepStrictEqual(jobs.filter(j => j.stack === "dev").map(j => j.repository),
            ["frontend", "auth-service", "event-service", "booking-service", "notification-service", "mongo"]);
        const mongo = jobs.find(j => j.stack === "prod" && j.repository === "mongo")!;
        assert.deepStrictEqual([mongo.upstream, mongo.target], ["docker.io/library/mongo:7.0", "222222222222.dkr.ecr.us-east-1.amazonaws.com/eventsphere-prod/mongo"]);
    });

    it("pins digests in a stack file, keeping its comments and other values", () => {
        const digest = `sha256:${"a".repeat(64)}`;
        const before = fs.readFileSync(path.join(projectRoot, "Pulumi.dev.yaml"), "utf8");
        const after = pinDigests(before, { "auth-service": digest });
        const services = YAML.parse(after).config["eventsphere:services"];
        assert.deepStrictEqual(services.find((s: any) => s.name === "auth-service").image, { repository: "auth-service", digest });
        assert.deepStrictEqual(services.find((s: any) => s.name === "frontend").image, { repository: "frontend", tag: "1.0.0" });
        assert.ok(after.includes("# The team's office and VPN ranges"), "comments kept");
    });

    it("refuses a malformed digest argument, naming it", () => {
        assert.throws(() => parseDigestArguments(["frontend=latest"]), /frontend=latest: expected <repository>=sha256:/);
    });
});
