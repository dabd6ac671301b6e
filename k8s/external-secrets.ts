import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { SecretKey } from "../infra/config";
import { chartSource, irsaServiceAccount } from "./charts";
import { WorkloadNamespace } from "./namespace";

/** A Kubernetes Secret kept in sync with (part of) one Secrets Manager secret. */
export interface SyncedSecret {
    /** The Kubernetes Secret's name in the application namespace. */
    name: string;
    source: SecretKey;
    /** Only these properties, renamed (`secret key` → `Secrets Manager property`); all of them when absent. */
    properties?: Record<string, string>;
}

export interface ExternalSecretsArgs {
    /** Its own namespace for the operator (restricted). */
    operatorNamespace: WorkloadNamespace;
    serviceAccount: string;
    roleArn: pulumi.Input<string>;
    region: string;
    /** Secrets Manager names by key, e.g. `eventsphere/dev/jwt`. */
    secretNames: Record<SecretKey, string>;
    /** Where the synced Secrets live; the store serves only this namespace. */
    applicationNamespace: WorkloadNamespace;
    secrets: SyncedSecret[];
}

export const storeName = "aws-secrets-manager";
/** Seed "External Secrets Operator": refreshed every hour. */
export const refreshInterval = "1h";

/**
 * Seed "Secrets Management": the External Secrets Operator (pinned chart, IRSA role), one
 * ClusterSecretStore for AWS Secrets Manager that authenticates as the operator's service account
 * and serves only the application namespace, and one ExternalSecret per synced Secret.
 */
export class ExternalSecrets extends pulumi.ComponentResource {
    constructor(name: string, args: ExternalSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:ExternalSecrets", name, {}, opts);
        const operator = new k8s.helm.v4.Chart(`${name}-operator`, {
            ...chartSource("externalSecrets"),
            namespace: args.operatorNamespace.name,
            values: {
                installCRDs: true,
                serviceAccount: irsaServiceAccount(args.serviceAccount, args.roleArn),
                resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
                webhook: { resources: { requests: { cpu: "20m", memory: "64Mi" }, limits: { cpu: "100m", memory: "128Mi" } } },
                certController: { resources: { requests: { cpu: "20m", memory: "64Mi" }, limits: { cpu: "100m", memory: "128Mi" } } },
            },
        }, args.operatorNamespace.within(this));

        const store = new k8s.apiextensions.CustomResource(`${name}-store`, {
            apiVersion: "external-secrets.io/v1",
            kind: "ClusterSecretStore",
            metadata: { name: storeName },
            spec: {
                conditions: [{ namespaces: [args.applicationNamespace.name] }],
                provider: {
                    aws: {
                        service: "SecretsManager",
                        region: args.region,
                        auth: { jwt: { serviceAccountRef: { name: args.serviceAccount, namespace: args.operatorNamespace.name } } },
                    },
                },
            },
        }, { parent: this, dependsOn: [operator] });

        for (const secret of args.secrets) {
            const key = args.secretNames[secret.source];
            new k8s.apiextensions.CustomResource(`${name}-${secret.name}`, {
                apiVersion: "external-secrets.io/v1",
                kind: "ExternalSecret",
                metadata: { name: secret.name, namespace: args.applicationNamespace.name },
                spec: {
                    refreshInterval,
                    secretStoreRef: { kind: "ClusterSecretStore", name: storeName },
                    target: { name: secret.name, creationPolicy: "Owner", template: { type: "Opaque" } },
                    ...(secret.properties
                        ? { data: Object.entries(secret.properties).map(([secretKey, property]) => ({ secretKey, remoteRef: { key, property } })) }
                        : { dataFrom: [{ extract: { key } }] }),
                },
            }, { parent: this, dependsOn: [store, args.applicationNamespace.namespace] });
        }
        this.registerOutputs({});
    }
}
