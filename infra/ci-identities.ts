import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { kmsKeyUseByAlias } from "./addons";
import { DeliveryConfig } from "./config";
import { ecrPushStatements } from "./ecr-access";
import { ArnBuilder, federatedTrust, Statement } from "./policy-document";
import { grantPermissions, RolePermissions } from "./role-permissions";

export const githubIssuer = "token.actions.githubusercontent.com";
export const pulumiIssuer = "api.pulumi.com/oidc";

/** The CI roles' names: known from config, so the cluster's access entries can name them up front. */
export function ciRoleNames(namePrefix: string) {
    return { preview: `${namePrefix}-github-preview`, images: `${namePrefix}-github-images`, deploy: `${namePrefix}-pulumi-deploy` };
}

export interface CiIdentitiesArgs {
    namePrefix: string;
    project: string;
    stack: string;
    delivery: DeliveryConfig;
    arns: ArnBuilder;
    dataKeyAlias: string;
}

/** GitHub's subjects for this repository: its pull requests, and pushes to main. */
export const githubSubjects = (repository: string) => ({
    pullRequests: `repo:${repository}:pull_request`,
    main: `repo:${repository}:ref:refs/heads/main`,
});

/** Pulumi Deployments' subjects for one stack, one per operation it runs. */
export function pulumiSubjects(organization: string, project: string, stack: string): string[] {
    return ["preview", "update", "refresh", "destroy"].map(op => `pulumi:deploy:org:${organization}:project:${project}:stack:${stack}:operation:${op}:scope:write`);
}

/** What deploying this program needs beyond PowerUserAccess: IAM on the roles and policies it names. */
function deployerIamStatements(arns: ArnBuilder, namePrefix: string): Statement[] {
    return [
        {
            Effect: "Allow",
            Action: ["iam:*Role", "iam:*RolePolicy", "iam:*RolePolicies", "iam:*RoleTags", "iam:TagRole", "iam:UntagRole", "iam:PassRole",
                "iam:*InstanceProfile", "iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile", "iam:ListInstanceProfilesForRole",
                "iam:ListAttachedRolePolicies", "iam:ListRolePolicies"],
            Resource: [arns.global("iam", `role/${namePrefix}-*`), arns.global("iam", `instance-profile/${namePrefix}-*`)],
        },
        { Effect: "Allow", Action: ["iam:*OpenIDConnectProvider*"], Resource: arns.global("iam", "oidc-provider/*") },
        { Effect: "Allow", Action: "iam:CreateServiceLinkedRole", Resource: arns.global("iam", "role/aws-service-role/*") },
    ];
}

/**
 * Seed "GitHub Actions Security": short-lived credentials through OIDC, never access keys. Three roles,
 * each trusted for exactly its subjects: pull-request previews (read-only), the image pipeline on main
 * (push to this stack's repositories), and Pulumi Deployments of this stack (deploy).
 */
export class CiIdentities extends pulumi.ComponentResource {
    readonly previewRoleArn: pulumi.Output<string>;
    readonly imagesRoleArn: pulumi.Output<string>;
    readonly deployRoleArn: pulumi.Output<string>;
    /** Everything that must exist before another resource may name these roles. */
    readonly roles: aws.iam.Role[] = [];
    private readonly providers: aws.iam.OpenIdConnectProvider[];

    constructor(name: string, args: CiIdentitiesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:CiIdentities", name, {}, opts);
        const { namePrefix, delivery } = args;
        // Provider ARNs follow from the issuer, so the trust policies are known (and checked) at preview.
        const providerArn = (issuer: string) => args.arns.global("iam", `oidc-provider/${issuer}`);
        const github = providerArn(githubIssuer);
        const pulumiCloud = providerArn(pulumiIssuer);
        const issuers = { github: { url: githubIssuer, audience: "sts.amazonaws.com" }, pulumi: { url: pulumiIssuer, audience: delivery.pulumiOrganization } };
        this.providers = (Object.keys(issuers) as (keyof typeof issuers)[])
            .filter(key => !delivery.existingOidcProviders.includes(key))
            .map(key => new aws.iam.OpenIdConnectProvider(`${namePrefix}-${key}`, {
                url: `https://${issuers[key].url}`, clientIdLists: [issuers[key].audience],
            }, { parent: this }));
        const subjects = githubSubjects(delivery.repository);
        const names = ciRoleNames(namePrefix);

        this.previewRoleArn = this.role(names.preview, {
            trust: federatedTrust(github, githubIssuer, "sts.amazonaws.com", [subjects.pullRequests, subjects.main]),
            managedPolicyArns: [args.arns.managedPolicy("ReadOnlyAccess")],
        });
        this.imagesRoleArn = this.role(names.images, {
            trust: federatedTrust(github, githubIssuer, "sts.amazonaws.com", [subjects.main]),
            statements: [...ecrPushStatements(args.arns, namePrefix), ...kmsKeyUseByAlias(args.arns, args.dataKeyAlias, { actions: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"] })],
        });
        this.deployRoleArn = this.role(names.deploy, {
            trust: federatedTrust(pulumiCloud, pulumiIssuer, delivery.pulumiOrganization, pulumiSubjects(delivery.pulumiOrganization, args.project, args.stack)),
            managedPolicyArns: [args.arns.managedPolicy("PowerUserAccess")],
            statements: deployerIamStatements(args.arns, namePrefix),
        });
        this.registerOutputs({ previewRoleArn: this.previewRoleArn, imagesRoleArn: this.imagesRoleArn, deployRoleArn: this.deployRoleArn });
    }

    private role(name: string, spec: { trust: string } & RolePermissions): pulumi.Output<string> {
        const role = new aws.iam.Role(name, { name, assumeRolePolicy: spec.trust, maxSessionDuration: 3600 }, { parent: this, dependsOn: this.providers });
        this.roles.push(role);
        grantPermissions(name, role, spec, this);
        return role.arn;
    }
}
