import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Statement, federatedTrust } from "./policy-document";
import { grantPermissions } from "./role-permissions";

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
    return federatedTrust(providerArn, issuerUrl.replace(/^https:\/\//, ""), "sts.amazonaws.com", `system:serviceaccount:${namespace}:${serviceAccount}`);
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
        grantPermissions(name, role, args, this);
        this.roleArn = role.arn;
        this.roleName = role.name;
        this.registerOutputs({ roleArn: this.roleArn });
    }
}
