import * as k8s from "@pulumi/kubernetes";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { MongoDbConfig } from "../infra/config";
import { mongodb, mongodbInit } from "./catalog";
import { appLabels, selectorOf } from "./labels";
import { WorkloadNamespace } from "./namespace";
import { containerSecurityContext, podSecurityContext } from "./security";
import { syncedSecrets } from "./service-secrets";

import Input = k8s.types.input.core.v1;

export interface MongoDbArgs {
    config: MongoDbConfig;
    namespace: WorkloadNamespace;
    image: string;
    storageClassName: string;
    /** Prod: the StatefulSet is protected from `pulumi destroy`; its volumes are kept either way (Retain). */
    protectData: boolean;
}

/** The `mongodb` user of the official image. */
const mongoUser = 999;
const adminSecret = syncedSecrets.mongodbAdmin.name;
const secretEnv = (name: string, secret: string, key = name): Input.EnvVar => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });

function resources(config: MongoDbConfig): Input.ResourceRequirements {
    return { requests: { cpu: config.cpu.request, memory: config.memory.request }, limits: { cpu: config.cpu.limit, memory: config.memory.limit } };
}

const emptyDir = (name: string): Input.Volume => ({ name, emptyDir: { sizeLimit: "256Mi" } });

/**
 * MongoDB 7 as a replica set (3 members in prod, 1 in dev): authentication and a key file for
 * members, credentials from the Secret External Secrets syncs, hardened like every pod, data on
 * the encrypted storage class. A Job initiates the set and creates the services' own user.
 */
export class MongoDb extends pulumi.ComponentResource {
    constructor(name: string, args: MongoDbArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:MongoDb", name, {}, opts);
        const namespace = args.namespace.name;
        const labels = appLabels(mongodb.name);
        const within = args.namespace.within(this);

        const service = new k8s.core.v1.Service(name, {
            metadata: { name: mongodb.name, namespace, labels },
            // Headless: members address each other as mongodb-<n>.mongodb, ready or not.
            spec: { clusterIP: "None", publishNotReadyAddresses: true, selector: selectorOf(mongodb.name), ports: [{ name: "mongodb", port: mongodb.port, targetPort: mongodb.port }] },
        }, within);
        const statefulSet = new k8s.apps.v1.StatefulSet(name, {
            metadata: { name: mongodb.name, namespace, labels },
            spec: {
                serviceName: mongodb.name,
                replicas: args.config.replicas,
                selector: { matchLabels: selectorOf(mongodb.name) },
                persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
                template: { metadata: { labels }, spec: this.podSpec(args) },
                volumeClaimTemplates: [{
                    metadata: { name: "data" },
                    spec: { accessModes: ["ReadWriteOnce"], storageClassName: args.storageClassName, resources: { requests: { storage: `${args.config.storageGiB}Gi` } } },
                }],
            },
        }, { ...within, dependsOn: [args.namespace.namespace, service], protect: args.protectData });
        new k8s.policy.v1.PodDisruptionBudget(name, {
            metadata: { name: mongodb.name, namespace, labels },
            spec: { maxUnavailable: 1, selector: { matchLabels: selectorOf(mongodb.name) } },
        }, within);
        this.initJob(name, args, statefulSet);
        this.registerOutputs({});
    }

    private podSpec(args: MongoDbArgs): Input.PodSpec {
        const keyFile = "/keyfile/key";
        return {
            automountServiceAccountToken: false,
            securityContext: podSecurityContext(mongoUser),
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: selectorOf(mongodb.name) } }],
            // mongod refuses a key file others can read; secret volumes are group-readable under fsGroup.
            initContainers: [{
                name: "keyfile",
                image: args.image,
                command: ["sh", "-c", `cp /secret/key ${keyFile} && chmod 0400 ${keyFile}`],
                securityContext: containerSecurityContext,
                resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "50m", memory: "32Mi" } },
                volumeMounts: [{ name: "replica-set-key", mountPath: "/secret", readOnly: true }, { name: "keyfile", mountPath: "/keyfile" }],
            }],
            containers: [{
                name: "mongod",
                image: args.image,
                args: ["--replSet", mongodb.replicaSet, "--bind_ip_all", "--auth", "--keyFile", keyFile],
                ports: [{ name: "mongodb", containerPort: mongodb.port }],
                env: [secretEnv("MONGO_INITDB_ROOT_USERNAME", adminSecret), secretEnv("MONGO_INITDB_ROOT_PASSWORD", adminSecret)],
                securityContext: containerSecurityContext,
                resources: resources(args.config),
                startupProbe: { tcpSocket: { port: mongodb.port }, periodSeconds: 5, failureThreshold: 60 },
                livenessProbe: { tcpSocket: { port: mongodb.port }, periodSeconds: 15, failureThreshold: 4 },
                readinessProbe: { tcpSocket: { port: mongodb.port }, periodSeconds: 5 },
                volumeMounts: [
                    { name: "data", mountPath: "/data/db" },
                    { name: "keyfile", mountPath: "/keyfile", readOnly: true },
                    { name: "configdb", mountPath: "/data/configdb" },
                    { name: "tmp", mountPath: "/tmp" },
                ],
            }],
            volumes: [
                { name: "replica-set-key", secret: { secretName: adminSecret, items: [{ key: "MONGODB_REPLICA_SET_KEY", path: "key" }] } },
                emptyDir("keyfile"), emptyDir("configdb"), emptyDir("tmp"),
            ],
        };
    }

    /** Initiates the replica set and creates the services' readWrite user; idempotent. */
    private initJob(name: string, args: MongoDbArgs, statefulSet: k8s.apps.v1.StatefulSet): void {
        const namespace = args.namespace.name;
        const labels = appLabels(mongodbInit.name);
        const script = new k8s.core.v1.ConfigMap(`${name}-init`, {
            metadata: { name: mongodbInit.name, namespace, labels },
            data: { "init.js": fs.readFileSync(path.join(__dirname, "mongodb-init.js"), "utf8") },
        }, args.namespace.within(this));
        const serviceHost = `${mongodb.name}.${namespace}.svc.cluster.local`;
        new k8s.batch.v1.Job(`${name}-init`, {
            metadata: { name: mongodbInit.name, namespace, labels },
            spec: {
                backoffLimit: 20,
                template: {
                    metadata: { labels },
                    spec: {
                        restartPolicy: "OnFailure",
                        automountServiceAccountToken: false,
                        securityContext: podSecurityContext(mongoUser),
                        containers: [{
                            name: "init",
                            image: args.image,
                            command: ["sh", "-c", `mongosh --quiet "mongodb://$ROOT_USER:$ROOT_PASSWORD@${mongodb.name}-0.${serviceHost}:${mongodb.port}/admin?directConnection=true" /scripts/init.js`],
                            env: [
                                secretEnv("ROOT_USER", adminSecret, "MONGO_INITDB_ROOT_USERNAME"),
                                secretEnv("ROOT_PASSWORD", adminSecret, "MONGO_INITDB_ROOT_PASSWORD"),
                                secretEnv("MONGODB_USERNAME", adminSecret, "MONGODB_APP_USERNAME"),
                                secretEnv("MONGODB_PASSWORD", adminSecret, "MONGODB_APP_PASSWORD"),
                                { name: "MEMBERS", value: String(args.config.replicas) },
                                { name: "SET_NAME", value: mongodb.name },
                                { name: "SERVICE_HOST", value: serviceHost },
                                { name: "PORT", value: String(mongodb.port) },
                                { name: "REPLICA_SET", value: mongodb.replicaSet },
                                { name: "DATABASE", value: mongodb.database },
                                { name: "HOME", value: "/tmp" },
                            ],
                            securityContext: containerSecurityContext,
                            resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
                            volumeMounts: [{ name: "scripts", mountPath: "/scripts", readOnly: true }, { name: "tmp", mountPath: "/tmp" }],
                        }],
                        volumes: [{ name: "scripts", configMap: { name: mongodbInit.name } }, emptyDir("tmp")],
                    },
                },
            },
        }, { parent: this, dependsOn: [statefulSet, script] });
    }
}
