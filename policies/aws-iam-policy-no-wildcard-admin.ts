import { ResourceValidationPolicy } from "@pulumi/policy";

const adminActions = ["*", "*:*"];
const policyFields: Record<string, string[]> = {
    "aws:iam/policy:Policy": ["policy"],
    "aws:iam/rolePolicy:RolePolicy": ["policy"],
    "aws:iam/userPolicy:UserPolicy": ["policy"],
    "aws:iam/groupPolicy:GroupPolicy": ["policy"],
};

function statements(document: unknown): any[] {
    const parsed = typeof document === "string" ? JSON.parse(document) : document;
    const list = parsed?.Statement ?? [];
    return Array.isArray(list) ? list : [list];
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as string[];

/** Seed "Least-privilege IAM policies": no statement grants every action on every resource. */
export const awsIamPolicyNoWildcardAdmin: ResourceValidationPolicy = {
    name: "aws-iam-policy-no-wildcard-admin",
    description: "IAM policies never Allow Action \"*\" or \"*:*\" on Resource \"*\" (seed: Least-privilege IAM policies)",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const documents = [...(policyFields[args.type] ?? []).map(f => args.props[f]),
            ...(args.type === "aws:iam/role:Role" ? (args.props.inlinePolicies ?? []).map((p: any) => p.policy) : [])];
        for (const document of documents.filter(d => d !== undefined)) {
            for (const s of statements(document)) {
                if (s.Effect !== "Allow") continue;
                const admin = asList(s.Action).some(a => adminActions.includes(a)) && asList(s.Resource).includes("*");
                if (admin) reportViolation(`statement ${s.Sid ?? ""} allows Action ${JSON.stringify(s.Action)} on Resource "*"`);
            }
        }
    },
};
