import * as pulumi from "@pulumi/pulumi";
import { MongoDbConfig, ServiceConfig } from "../infra/config";
import { maxReplicasOf } from "./budget";
import { workloadsOf } from "./catalog";
import { imageReference } from "./images";
import { Microservice } from "./microservice";
import { MongoDb } from "./mongodb";
import { prometheusPodLabels } from "./monitoring";
import { WorkloadNamespace } from "./namespace";
import { NetworkPolicies } from "./network-policies";
import { serviceEnvironment } from "./service-secrets";

export interface EventSphereApplicationArgs {
    namespace: WorkloadNamespace;
    services: ServiceConfig[];
    mongodb: MongoDbConfig;
    registry: string;
    namePrefix: string;
    /** IRSA role ARNs by service name, for the services that call AWS. */
    roleArns: Record<string, pulumi.Input<string>>;
    storageClassName: string;
    vpcCidr: string;
    monitoringNamespace: string;
    protectData: boolean;
}

/** The EventSphere services and MongoDB, and the network policies between them, all from the catalog. */
export class EventSphereApplication extends pulumi.ComponentResource {
    constructor(name: string, args: EventSphereApplicationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:EventSphereApplication", name, {}, opts);
        const namespace = args.namespace.name;
        new MongoDb("mongodb", {
            config: args.mongodb, namespace: args.namespace, storageClassName: args.storageClassName, protectData: args.protectData,
            image: imageReference(args.registry, args.namePrefix, args.mongodb.image),
        }, { parent: this });
        for (const service of args.services) {
            new Microservice(service.name, {
                service,
                namespace: args.namespace,
                image: imageReference(args.registry, args.namePrefix, service.image),
                environment: serviceEnvironment(service, namespace, args.mongodb.replicas),
                roleArn: service.publishesTo.length > 0 ? args.roleArns[service.name] : undefined,
                maxReplicas: maxReplicasOf(service),
            }, { parent: this });
        }
        new NetworkPolicies("network-policies", {
            namespace: args.namespace,
            workloads: workloadsOf(args.services),
            loadBalancerCidr: args.vpcCidr,
            prometheus: { namespace: args.monitoringNamespace, podLabels: prometheusPodLabels },
        }, { parent: this });
        this.registerOutputs({});
    }
}
