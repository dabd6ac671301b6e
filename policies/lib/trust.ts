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

/** The trust document of a role, or undefined while it is unknown (a provider not yet created). */
export function trustDocumentOf(props: any): unknown {
    try {
        const document = props.assumeRolePolicy;
        return typeof document === "string" ? JSON.parse(document) : document;
    } catch {
        return undefined;
    }
}

/** A mandatory policy over roles' trust documents: `check` lists what is wrong with one trusting statement. */
export function trustPolicy(spec: { name: string; description: string }, selectIssuer: (providerArn: string) => boolean, check: (statement: any) => string[]): ResourceValidationPolicy {
    return {
        ...spec,
        enforcementLevel: "mandatory",
        validateResource: (args, reportViolation) => {
            if (args.type !== "aws:iam/role:Role") return;
            // Unknown while a provider it names does not exist yet (an EKS issuer in a first preview): checked at `pulumi up`.
            const document = trustDocumentOf(args.props);
            for (const problem of document ? federatedStatements(document, selectIssuer).flatMap(check) : []) reportViolation(problem);
        },
    };
}
