import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ServiceConfig } from "../infra/config";
import { WorkloadNamespace } from "./namespace";

/** TLS 1.3 with TLS 1.2 fallback: stricter than the seed's ELBSecurityPolicy-TLS-1-2-2017-01. */
export const sslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

export interface PublicIngressArgs {
    namespace: WorkloadNamespace;
    /** Services with an `ingressPath` are routed; the rest stay internal. */
    services: ServiceConfig[];
    host: string;
    certificateArn: pulumi.Input<string>;
    /** The WAFv2 web ACL (AWS managed common and known-bad-inputs rules, rate limit); absent only where disabled in dev. */
    webAclArn?: pulumi.Input<string>;
    deletionProtection: boolean;
    /** Must wait for the controller: its webhook validates Ingresses. */
    controller: pulumi.Resource;
}

/** Longest prefix first, so `/api/auth` wins over `/`. */
function routes(services: ServiceConfig[]) {
    return services
        .filter((s): s is ServiceConfig & { ingressPath: string } => s.ingressPath !== undefined)
        .sort((a, b) => b.ingressPath.length - a.ingressPath.length)
        .map(s => ({ path: s.ingressPath, pathType: "Prefix", backend: { service: { name: s.name, port: { number: s.port } } } }));
}

/**
 * One internet-facing ALB (seed "Ingress Security"): HTTPS on 443 with the ACM certificate, HTTP
 * only redirects, a TLS 1.3 policy, IP targets, path routing to the frontend and API services,
 * and the WAFv2 web ACL attached.
 */
export class PublicIngress extends pulumi.ComponentResource {
    constructor(name: string, args: PublicIngressArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:PublicIngress", name, {}, opts);
        const attributes = [
            "routing.http.drop_invalid_header_fields.enabled=true",
            `deletion_protection.enabled=${args.deletionProtection}`,
        ];
        const annotations: Record<string, pulumi.Input<string>> = {
            "alb.ingress.kubernetes.io/scheme": "internet-facing",
            "alb.ingress.kubernetes.io/target-type": "ip",
            "alb.ingress.kubernetes.io/listen-ports": JSON.stringify([{ HTTP: 80 }, { HTTPS: 443 }]),
            "alb.ingress.kubernetes.io/ssl-redirect": "443",
            "alb.ingress.kubernetes.io/certificate-arn": args.certificateArn,
            "alb.ingress.kubernetes.io/ssl-policy": sslPolicy,
            "alb.ingress.kubernetes.io/load-balancer-attributes": attributes.join(","),
            "alb.ingress.kubernetes.io/tags": "eventsphere.io/load-balancer=true",
            ...(args.webAclArn ? { "alb.ingress.kubernetes.io/wafv2-acl-arn": args.webAclArn } : {}),
        };
        new k8s.networking.v1.Ingress(name, {
            metadata: { name: "eventsphere", namespace: args.namespace.name, annotations },
            spec: {
                ingressClassName: "alb",
                rules: [{ host: args.host, http: { paths: routes(args.services) } }],
            },
        }, { parent: this, dependsOn: [args.namespace.namespace, args.controller] });
        this.registerOutputs({});
    }
}
