import { isSet, resourcePolicy } from "./lib/define";

const annotation = (name: string) => `alb.ingress.kubernetes.io/${name}`;

/** TLS 1.2 or later: the seed's ELBSecurityPolicy-TLS-1-2-2017-01 and the newer TLS 1.2/1.3 policies. */
const tls12OrLater = /^ELBSecurityPolicy-(TLS13-|TLS-1-2-|FS-1-2-)/;

function listeners(ingress: any): string[] {
    const raw = ingress.metadata?.annotations?.[annotation("listen-ports")];
    if (raw === undefined) return ["HTTP"]; // the controller's default: port 80, plain HTTP
    try {
        return (JSON.parse(raw) as Record<string, number>[]).flatMap(entry => Object.keys(entry));
    } catch {
        return ["(unreadable listen-ports)"];
    }
}

/** Seed "TLS/HTTPS" and "Ingress Security": an internet-facing ALB serves HTTPS only, TLS 1.2 or later. */
export const kubernetesIngressTlsOnly = resourcePolicy({
    name: "kubernetes-ingress-tls-only",
    description: "Internet-facing ALB Ingresses listen on HTTPS with an ACM certificate and a TLS 1.2+ policy; HTTP only redirects (seed: TLS/HTTPS, Ingress Security)",
    types: ["kubernetes:networking.k8s.io/v1:Ingress"],
    check: (ingress, report) => {
        const annotations = ingress.metadata?.annotations ?? {};
        const alb = ingress.spec?.ingressClassName === "alb" || annotations["kubernetes.io/ingress.class"] === "alb";
        if (!alb || annotations[annotation("scheme")] !== "internet-facing") return;
        const name = `Ingress ${ingress.metadata?.name}`;
        const ports = listeners(ingress);
        if (!ports.includes("HTTPS")) report(`${name}: ${annotation("listen-ports")} must include HTTPS`);
        if (ports.some(p => p !== "HTTPS") && annotations[annotation("ssl-redirect")] !== "443") report(`${name}: a non-HTTPS listener needs ${annotation("ssl-redirect")}: "443"`);
        if (!isSet(annotations, annotation("certificate-arn"))) report(`${name}: ${annotation("certificate-arn")} must name the ACM certificate`);
        const policy = annotations[annotation("ssl-policy")];
        if (!tls12OrLater.test(policy ?? "")) report(`${name}: ${annotation("ssl-policy")} must be a TLS 1.2+ policy (is ${policy ?? "the controller's default"})`);
    },
});
