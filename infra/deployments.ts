import * as pulumi from "@pulumi/pulumi";
import * as service from "@pulumi/pulumiservice";
import { DeliveryConfig } from "./config";

export interface PulumiDeploymentsArgs {
    project: string;
    stack: string;
    delivery: DeliveryConfig;
    /** Pulumi Deployments assumes this role through OIDC for every operation. */
    deployRoleArn: pulumi.Input<string>;
    region: string;
    /** The published policy pack (`pulumi policy publish` in policies/) the stack must pass. */
    policyPack: { name: string; version: string };
}

/** The install step Pulumi Deployments runs before each operation: the lock file, nothing else. */
export const preRunCommands = ["npm ci"];

/**
 * Pulumi Deployments for this stack: previews on pull requests, `pulumi up` on push to main (dev),
 * or after the upstream stack's deployment succeeded (prod); AWS credentials through OIDC; and a
 * preventative policy group requiring the published policy pack.
 */
export class PulumiDeployments extends pulumi.ComponentResource {
    constructor(name: string, args: PulumiDeploymentsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:PulumiDeployments", name, {}, opts);
        const { delivery } = args;
        const organization = delivery.pulumiOrganization;
        new service.DeploymentSettings(name, {
            organization, project: args.project, stack: args.stack,
            vcs: {
                provider: "github",
                repository: delivery.repository,
                deployCommits: delivery.deployOnPush,
                previewPullRequests: true,
                pullRequestTemplate: false,
            },
            sourceContext: { git: { branch: "refs/heads/main", repoDir: "." } },
            operationContext: {
                preRunCommands,
                // `npm ci` above installs from the lock file; Deployments must not run its own install.
                options: { skipInstallDependencies: true },
                environmentVariables: { AWS_REGION: args.region },
                oidc: { aws: { roleARN: args.deployRoleArn, sessionName: `pulumi-deployments-${args.stack}`, duration: "1h0m0s" } },
            },
        }, { parent: this });

        new service.PolicyGroup(name, {
            organizationName: organization,
            name: `${args.project}-${args.stack}`,
            mode: "preventative",
            stacks: [{ name: args.stack, routingProject: args.project }],
            policyPacks: [{ name: args.policyPack.name, versionTag: args.policyPack.version }],
        }, { parent: this });

        if (delivery.promotesTo) {
            new service.Webhook(`${name}-promote`, {
                organizationName: organization, projectName: args.project, stackName: args.stack,
                displayName: `deploy ${delivery.promotesTo} after ${args.stack}`,
                format: service.WebhookFormat.PulumiDeployments,
                payloadUrl: `${args.project}/${delivery.promotesTo}`,
                filters: [service.WebhookFilters.DeploymentSucceeded],
                active: true,
            }, { parent: this });
        }
        this.registerOutputs({});
    }
}
