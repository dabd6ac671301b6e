import { ResourceValidationPolicy } from "@pulumi/policy";

/** Reading IAM trust policies: which statements admit web identities, and through which issuer. */

export const asList = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]) as string[];

/** An EKS cluster's OIDC issuer (`oidc-provider/oidc.eks.<region>.amazonaws.com/id/...`). */
export const isEksIssuer = (providerArn: string) => /:oidc-provider\/oidc\.eks\./.test(providerArn);

/** The Allow statements trusting a web-identity (OIDC) provider that `selectIssuer` picks. */
export function federatedStatements(document: any, selectIssuer: (providerArn: string) => boolean): any[] {
    return (asList(document?.Statement) as any[]).filter(s =>
        s.Effect === "Allow" && asList(s.Principal?.Federated).some(p => p.includes(":oidc-provider/") && selectIssuer(p)));
}

type TrustDocument = { known: false } | { known: true; document?: unknown; invalid?: string };

/** A role's trust document; unknown while a provider it names does not exist yet (an EKS issuer in a first preview). */
export function trustDocumentOf(props: any): TrustDocument {
    let raw: unknown;
    try {
        raw = props.assumeRolePolicy;
    } catch {
        return { known: false };
    }
    if (typeof raw !== "string") return { known: true, document: raw };
    try {
        return { known: true, document: JSON.parse(raw) };
    } catch (e) {
        return { known: true, invalid: (e as Error).message };
    }
}

/** A mandatory policy over roles' trust documents: `check` lists what is wrong with one trusting statement. */
export function trustPolicy(spec: { name: string; description: string }, selectIssuer: (providerArn: string) => boolean, check: (statement: any) => string[]): ResourceValidationPolicy {
    return {
        ...spec,
        enforcementLevel: "mandatory",
        validateResource: (args, reportViolation) => {
            if (args.type !== "aws:iam/role:Role") return;
            const trust = trustDocumentOf(args.props);
            if (!trust.known) return; // checked with the resolved document during `pulumi up`
            if (trust.invalid) return reportViolation(`assumeRolePolicy is not valid JSON (${trust.invalid}): it cannot be checked`);
            for (const problem of federatedStatements(trust.document, selectIssuer).flatMap(check)) reportViolation(problem);
        },
    };
}
