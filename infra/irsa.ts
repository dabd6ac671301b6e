import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Statement, policyDocument } from "./policy-document";

/** The cluster's OIDC identity provider, as IRSA trust policies need it. */
export interface OidcProvider {
    arn: pulumi.Input<string>;
    /** Issuer URL (with or without https://). */
    url: pulumi.Input<string>;
}

export interface IrsaRoleArgs {
    oidc: OidcProvider;
    namespace: string;
    serviceAccount: string;
    /** Least-privilege permissions, as plain statements (known at preview). */
    statements?: Statement[];
    managedPolicyArns?: string[];
}

/** The trust policy that admits exactly one `namespace:serviceaccount` through the cluster's OIDC provider. */
export function irsaTrustPolicy(providerArn: string, issuerUrl: string, namespace: string, serviceAccount: string): string {
    const issuer = issuerUrl.replace(/^https:\/\//, "");
    return policyDocument([{
        Effect: "Allow",
        Principal: { Federated: providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
            StringEquals: {
                [`${issuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
                [`${issuer}:aud`]: "sts.amazonaws.com",
            },
        },
    }]);
}

/** An IAM role for one Kubernetes service account (IRSA), seed section "IAM Roles for Service Accounts". */
export class IrsaRole extends pulumi.ComponentResource {
    readonly roleArn: pulumi.Output<string>;
    readonly roleName: pulumi.Output<string>;

    constructor(name: string, args: IrsaRoleArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:IrsaRole", name, {}, opts);
        const role = new aws.iam.Role(name, {
            description: `IRSA role for ${args.namespace}/${args.serviceAccount}`,
            assumeRolePolicy: pulumi.all([args.oidc.arn, args.oidc.url])
                .apply(([arn, url]) => irsaTrustPolicy(arn, url, args.namespace, args.serviceAccount)),
            tags: { "eventsphere.io/service-account": `${args.namespace}.${args.serviceAccount}` },
        }, { parent: this });
        if (args.statements?.length) {
            new aws.iam.RolePolicy(name, { role: role.id, policy: policyDocument(args.statements) }, { parent: this });
        }
        for (const policyArn of args.managedPolicyArns ?? []) {
            const policyName = policyArn.split("/").pop();
            new aws.iam.RolePolicyAttachment(`${name}-${policyName}`, { role: role.name, policyArn }, { parent: this });
        }
        this.roleArn = role.arn;
        this.roleName = role.name;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
