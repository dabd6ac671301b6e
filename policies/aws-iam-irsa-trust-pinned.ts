import { ResourceValidationPolicy } from "@pulumi/policy";

const asList = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as string[];

function problems(document: any): string[] {
    const found: string[] = [];
    for (const s of asList(document?.Statement) as any[]) {
        const federated = asList(s.Principal?.Federated).filter(p => p.includes(":oidc-provider/"));
        if (s.Effect !== "Allow" || federated.length === 0) continue;
        const equals = s.Condition?.StringEquals ?? {};
        const sub = Object.entries(equals).find(([k]) => k.endsWith(":sub"))?.[1];
        const aud = Object.entries(equals).find(([k]) => k.endsWith(":aud"))?.[1];
        if (typeof sub !== "string" || !/^system:serviceaccount:[^:*]+:[^:*]+$/.test(sub)) found.push("Condition.StringEquals must pin <issuer>:sub to one system:serviceaccount:<namespace>:<name>");
        if (aud !== "sts.amazonaws.com") found.push("Condition.StringEquals must pin <issuer>:aud to sts.amazonaws.com");
        if (s.Condition?.StringLike) found.push("Condition.StringLike would admit more than one service account");
    }
    return found;
}

/**
 * Seed "IAM Roles for Service Accounts": a role trusted through the cluster's OIDC provider admits exactly
 * one service account. A new cluster's issuer is only known once it exists, so in the first preview of a
 * stack this rule cannot read the trust policy; it runs on the resolved document during `pulumi up`,
 * before the role is created.
 */
export const awsIamIrsaTrustPinned: ResourceValidationPolicy = {
    name: "aws-iam-irsa-trust-pinned",
    description: "IRSA trust policies pin one service account with :sub and :aud conditions (seed: IAM Roles for Service Accounts)",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:iam/role:Role") return;
        let document: unknown;
        try {
            document = args.props.assumeRolePolicy;
        } catch {
            return; // unknown until the OIDC provider exists; checked with resolved inputs at `pulumi up`
        }
        const parsed = typeof document === "string" ? JSON.parse(document) : document;
        for (const problem of problems(parsed)) reportViolation(problem);
    },
};
