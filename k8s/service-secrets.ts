import * as k8s from "@pulumi/kubernetes";
import { SecretKey, ServiceConfig } from "../infra/config";
import { mongodb } from "./catalog";
import { SyncedSecret } from "./external-secrets";

/** The Kubernetes Secrets External Secrets keeps in sync in the application namespace. */
export const syncedSecrets = {
    /** The services' least-privilege database user. */
    mongodbApp: { name: "mongodb-app", source: "mongodb", properties: { MONGODB_USERNAME: "MONGODB_APP_USERNAME", MONGODB_PASSWORD: "MONGODB_APP_PASSWORD" } },
    /** Root user and replica-set key: for MongoDB itself only. */
    mongodbAdmin: { name: "mongodb-admin", source: "mongodb" },
    jwt: { name: "jwt", source: "jwt" },
    snsTopics: { name: "sns-topics", source: "sns-topics" },
} satisfies Record<string, SyncedSecret>;

const secretOfServiceKey: Record<Exclude<SecretKey, "mongodb">, string> = { jwt: syncedSecrets.jwt.name, "sns-topics": syncedSecrets.snsTopics.name };

export interface ServiceEnvironment {
    env: k8s.types.input.core.v1.EnvVar[];
    envFrom: k8s.types.input.core.v1.EnvFromSource[];
}

/** The replica-set connection string; credentials come from variables defined just before it. */
export function mongodbUri(namespace: string, replicas: number): string {
    const hosts = Array.from({ length: replicas }, (_, i) => `${mongodb.name}-${i}.${mongodb.name}.${namespace}.svc.cluster.local:${mongodb.port}`);
    return `mongodb://$(MONGODB_USERNAME):$(MONGODB_PASSWORD)@${hosts.join(",")}/${mongodb.database}?replicaSet=${mongodb.replicaSet}&authSource=${mongodb.database}`;
}

/** A service's environment: its port, and each secret it names in the catalog, by reference only. */
export function serviceEnvironment(service: ServiceConfig, namespace: string, mongodbReplicas: number): ServiceEnvironment {
    const env: k8s.types.input.core.v1.EnvVar[] = [{ name: "PORT", value: String(service.port) }];
    const envFrom: k8s.types.input.core.v1.EnvFromSource[] = [];
    for (const key of service.secrets) {
        if (key === "mongodb") {
            for (const variable of Object.keys(syncedSecrets.mongodbApp.properties)) {
                env.push({ name: variable, valueFrom: { secretKeyRef: { name: syncedSecrets.mongodbApp.name, key: variable } } });
            }
            env.push({ name: "MONGODB_URI", value: mongodbUri(namespace, mongodbReplicas) });
        } else {
            envFrom.push({ secretRef: { name: secretOfServiceKey[key] } });
        }
    }
    return { env, envFrom };
}
