import * as assert from "assert";
import { parseStackConfig } from "../infra/config";
import { ProgramRun } from "../tools/engine/capture";
import { configWith, customRun, ofType, stackRun } from "./harness";
import { version as policyPackVersion } from "../policies/package.json";

const repository = "eventsphere/eventsphere-platform";
const gh = "token.actions.githubusercontent.com";
const roleNamed = (run: ProgramRun, name: string) => ofType(run, "aws:iam/role:Role").map(r => r.inputs as any).find(r => r.name === name);
const trustOf = (role: any) => JSON.parse(role.assumeRolePolicy).Statement;
const only = (run: ProgramRun, type: string) => { const found = ofType(run, type); assert.strictEqual(found.length, 1, type); return found[0].inputs as any; };

for (const stack of ["dev", "prod"] as const) {
    describe(`delivery (${stack})`, () => {
        it("GitHub roles trust only this repository: pull requests and main for previews, main alone for images", async () => {
            const run = await stackRun(stack);
            const expected: Record<string, string[]> = {
                [`eventsphere-${stack}-github-preview`]: [`repo:${repository}:pull_request`, `repo:${repository}:ref:refs/heads/main`],
                [`eventsphere-${stack}-github-images`]: [`repo:${repository}:ref:refs/heads/main`],
            };
            for (const [name, subjects] of Object.entries(expected)) {
                const [statement] = trustOf(roleNamed(run, name));
                assert.match(statement.Principal.Federated, new RegExp(`:oidc-provider/${gh.replace(/\./g, "\\.")}$`), name);
                assert.deepStrictEqual(statement.Condition, { StringEquals: { [`${gh}:aud`]: "sts.amazonaws.com", [`${gh}:sub`]: subjects } }, name);
            }
        });

        it("the deploy role trusts only Pulumi Deployments of this stack", async () => {
            const [statement] = trustOf(roleNamed(await stackRun(stack), `eventsphere-${stack}-pulumi-deploy`));
            const subjects: string[] = statement.Condition.StringEquals["api.pulumi.com/oidc:sub"];
            assert.strictEqual(statement.Condition.StringEquals["api.pulumi.com/oidc:aud"], "eventsphere");
            assert.ok(subjects.length > 0 && subjects.every(s => s.startsWith(`pulumi:deploy:org:eventsphere:project:eventsphere:stack:${stack}:operation:`)), subjects.join());
        });

        it("the cluster admits Pulumi Deployments as admin and pull-request previews read-only, after those roles exist", async () => {
            const run = await stackRun(stack);
            const [cluster] = ofType(run, "eks:index:Cluster");
            const entries = (cluster.inputs as any).accessEntries;
            const policyOf = (name: string) => Object.values(entries[name].accessPolicies as Record<string, { policyArn: string }>)[0].policyArn;
            assert.match(entries.pulumiDeployments.principalArn, new RegExp(`:role/eventsphere-${stack}-pulumi-deploy$`));
            assert.match(policyOf("pulumiDeployments"), /AmazonEKSClusterAdminPolicy$/);
            assert.match(entries.pullRequestPreview.principalArn, new RegExp(`:role/eventsphere-${stack}-github-preview$`));
            assert.match(policyOf("pullRequestPreview"), /AmazonEKSViewPolicy$/);
            const previewRole = ofType(run, "aws:iam/role:Role").find(r => (r.inputs as any).name === `eventsphere-${stack}-github-preview`)!;
            assert.ok(cluster.dependencies.includes(previewRole.urn), "access entries name roles that exist");
        });

        it("deployment settings: this stack, the repository's main branch, previews on pull requests, npm ci, OIDC to AWS", async () => {
            const run = await stackRun(stack);
            const settings = only(run, "pulumiservice:index:DeploymentSettings");
            assert.deepStrictEqual([settings.organization, settings.project, settings.stack], ["eventsphere", "eventsphere", stack]);
            assert.strictEqual(settings.vcs.repository, repository);
            assert.strictEqual(settings.vcs.previewPullRequests, true);
            assert.strictEqual(settings.vcs.deployCommits, stack === "dev", "dev deploys on push; prod is promoted");
            assert.ok(!("github" in settings), "the deprecated github block is not used");
            assert.strictEqual(settings.sourceContext.git.branch, "refs/heads/main");
            assert.deepStrictEqual(settings.operationContext.preRunCommands, ["npm ci"]);
            assert.strictEqual(settings.operationContext.oidc.aws.roleARN, (run.outputs.ciRoleArns as any).deploy);
        });

        it("the published policy pack is required (preventative) for this stack", async () => {
            const group = only(await stackRun(stack), "pulumiservice:index:PolicyGroup");
            assert.strictEqual(group.mode, "preventative");
            assert.deepStrictEqual(group.stacks, [{ name: stack, routingProject: "eventsphere" }]);
            assert.deepStrictEqual(group.policyPacks, [{ name: "eventsphere-security", versionTag: policyPackVersion }], "the version in policies/package.json");
        });

        it(`admission of unsigned images from the registry: ${stack === "prod" ? "enforced" : "warn-only"}`, async () => {
            const run = await stackRun(stack);
            const policy = only(run, "kubernetes:policy.sigstore.dev/v1beta1:ClusterImagePolicy");
            assert.strictEqual(policy.spec.mode, stack === "prod" ? "enforce" : "warn");
            const account = stack === "prod" ? "222222222222" : "111111111111";
            assert.deepStrictEqual(policy.spec.images, [{ glob: `${account}.dkr.ecr.us-east-1.amazonaws.com/eventsphere-${stack}/**` }]);
            const [identity] = policy.spec.authorities[0].keyless.identities;
            assert.deepStrictEqual(identity, { issuer: "https://token.actions.githubusercontent.com", subject: `https://github.com/${repository}/.github/workflows/images.yml@refs/heads/main` });
            const app = ofType(run, "kubernetes:core/v1:Namespace").map(r => r.inputs as any).find(n => n.metadata.name === "eventsphere");
            assert.strictEqual(app.metadata.labels["policy.sigstore.dev/include"], "true", "the application namespace opts in");
            const appNamespace = ofType(run, "kubernetes:core/v1:Namespace").find(r => (r.inputs as any).metadata.name === "eventsphere")!;
            const controller = run.resources.find(r => r.type === "kubernetes:helm.sh/v4:Chart" && (r.inputs as any).chart === "policy-controller")!;
            assert.ok(appNamespace.dependencies.includes(controller.urn), "the admission webhook exists before the namespace it guards");
        });
    });
}

describe("delivery (promotion)", () => {
    it("dev's successful deployment deploys prod; prod has no such hook", async () => {
        const hook = only(await stackRun("dev"), "pulumiservice:index:Webhook");
        assert.deepStrictEqual([hook.format, hook.payloadUrl, hook.filters], ["pulumi_deployments", "eventsphere/prod", ["deployment_succeeded"]]);
        assert.strictEqual(ofType(await stackRun("prod"), "pulumiservice:index:Webhook").length, 0);
    });

    it("an account's existing OIDC providers are trusted by their ARN, not created again", async () => {
        const run = await customRun({ stack: "dev", config: configWith("dev", v => { v["eventsphere:delivery"].existingOidcProviders = ["github"]; }), preview: false });
        const providers = ofType(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").map(r => (r.inputs as any).url);
        assert.deepStrictEqual(providers, ["https://api.pulumi.com/oidc"]);
        const [statement] = trustOf(roleNamed(run, "eventsphere-dev-github-images"));
        assert.strictEqual(statement.Principal.Federated, `arn:aws:iam::111111111111:oidc-provider/${gh}`);
    });

    it("an account's first `pulumi up` can leave the application out until its images exist", async () => {
        const run = await customRun({ stack: "prod", config: configWith("prod", v => { v["eventsphere:deployApplication"] = false; }), preview: false });
        assert.strictEqual(ofType(run, "kubernetes:apps/v1:Deployment").length, 0);
        assert.strictEqual(ofType(run, "kubernetes:networking.k8s.io/v1:Ingress").length, 0);
        assert.ok(ofType(run, "aws:ecr/repository:Repository").length > 0 && ofType(run, "aws:iam/role:Role").some(r => (r.inputs as any).name === "eventsphere-prod-github-images"),
            "the registry and the image role exist for the pipeline");
    });

    const refused = (stack: "dev" | "prod", change: (v: Record<string, any>) => void) => {
        try { parseStackConfig(configWith(stack, change)); } catch (e) { return (e as Error).message; }
        return "accepted";
    };

    it("prod refuses warn-only signature checks and deploy-on-push", () => {
        assert.match(refused("prod", v => { v["eventsphere:imageSigning"] = { enforce: false }; }), /imageSigning\.enforce = false: prod admits only signed images/);
        assert.match(refused("prod", v => { v["eventsphere:delivery"].deployOnPush = true; }), /delivery\.deployOnPush = true: prod deploys only after dev succeeded/);
    });
});
