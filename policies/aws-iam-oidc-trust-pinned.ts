import { asList, isEksIssuer, trustPolicy } from "./lib/trust";

const hasWildcard = (value: string) => /[*?]/.test(value);

function problems(statement: any): string[] {
    const found: string[] = [];
    const equals: Record<string, unknown> = statement.Condition?.StringEquals ?? {};
    const subjects = asList(Object.entries(equals).find(([k]) => k.endsWith(":sub"))?.[1]);
    const audience = Object.entries(equals).find(([k]) => k.endsWith(":aud"))?.[1];
    if (subjects.length === 0) found.push("Condition.StringEquals must pin <issuer>:sub to the exact subjects (repository and branch, or stack)");
    for (const subject of subjects.filter(hasWildcard)) found.push(`subject ${subject} has a wildcard: name each subject exactly`);
    if (typeof audience !== "string" || hasWildcard(audience)) found.push("Condition.StringEquals must pin <issuer>:aud to one audience");
    if (Object.keys(statement.Condition?.StringLike ?? {}).some(k => k.endsWith(":sub"))) found.push("Condition.StringLike on :sub would admit other repositories or branches");
    return found;
}

/**
 * Seed "GitHub Actions Security" (short-lived credentials via OIDC): a role trusted by a CI issuer
 * (GitHub Actions, Pulumi Deployments) admits only this repository's named workflows or this stack's
 * deployments, never a wildcard that another repository could match.
 */
export const awsIamOidcTrustPinned = trustPolicy({
    name: "aws-iam-oidc-trust-pinned",
    description: "Roles trusted by a CI OIDC issuer pin :aud and list exact :sub values, no wildcards (seed: GitHub Actions Security)",
}, arn => !isEksIssuer(arn), problems);
