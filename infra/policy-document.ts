import * as aws from "@pulumi/aws";

/** A typed IAM policy statement whose values are all plain strings (known at preview). */
export type Statement = aws.iam.PolicyStatement;

/** Serialises typed statements into an IAM policy document. */
export function policyDocument(statements: Statement[]): string {
    const document: aws.iam.PolicyDocument = { Version: "2012-10-17", Statement: statements };
    return JSON.stringify(document);
}

/** A trust policy admitting web identities from one OIDC issuer, for exactly the given subjects and audience. */
export function federatedTrust(providerArn: string, issuer: string, audience: string, subjects: string | string[]): string {
    return policyDocument([{
        Effect: "Allow",
        Principal: { Federated: providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { [`${issuer}:aud`]: audience, [`${issuer}:sub`]: subjects } },
    }]);
}

/** Builds ARNs for this stack's account and region, so policies are known before anything exists. */
export class ArnBuilder {
    constructor(readonly accountId: string, readonly region: string, readonly partition = "aws") {}

    regional(service: string, resource: string): string {
        return `arn:${this.partition}:${service}:${this.region}:${this.accountId}:${resource}`;
    }

    global(service: string, resource: string): string {
        return `arn:${this.partition}:${service}::${this.accountId}:${resource}`;
    }

    managedPolicy(name: string): string {
        return `arn:${this.partition}:iam::aws:policy/${name}`;
    }

    accountRoot(): string {
        return this.global("iam", "root");
    }
}
