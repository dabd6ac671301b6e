import { isEksIssuer, trustPolicy } from "./lib/trust";

function problems(statement: any): string[] {
    const found: string[] = [];
    const equals = statement.Condition?.StringEquals ?? {};
    const sub = Object.entries(equals).find(([k]) => k.endsWith(":sub"))?.[1];
    const aud = Object.entries(equals).find(([k]) => k.endsWith(":aud"))?.[1];
    if (typeof sub !== "string" || !/^system:serviceaccount:[^:*]+:[^:*]+$/.test(sub)) found.push("Condition.StringEquals must pin <issuer>:sub to one system:serviceaccount:<namespace>:<name>");
    if (aud !== "sts.amazonaws.com") found.push("Condition.StringEquals must pin <issuer>:aud to sts.amazonaws.com");
    if (statement.Condition?.StringLike) found.push("Condition.StringLike would admit more than one service account");
    return found;
}

/**
 * Seed "IAM Roles for Service Accounts": a role trusted through the cluster's OIDC provider admits exactly
 * one service account. A new cluster's issuer is only known once it exists, so in the first preview of a
 * stack this rule cannot read the trust policy; it runs on the resolved document during `pulumi up`,
 * before the role is created.
 */
export const awsIamIrsaTrustPinned = trustPolicy({
    name: "aws-iam-irsa-trust-pinned",
    description: "IRSA trust policies pin one service account with :sub and :aud conditions (seed: IAM Roles for Service Accounts)",
}, isEksIssuer, problems);
