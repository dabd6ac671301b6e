import { ServiceConfig } from "../infra/config";

/** MongoDB's fixed identity in the cluster; services name it as `mongodb` in `talksTo`. */
export const mongodb = { name: "mongodb", port: 27017, replicaSet: "rs0", database: "eventsphere" } as const;
/** The one-shot Job that initiates the replica set. */
export const mongodbInit = { name: "mongodb-init" } as const;

/** One workload as the network sees it: who it is, what it listens on, whom it calls. */
export interface Workload {
    name: string;
    port: number;
    talksTo: string[];
    /** Reached through the load balancer (the service has an `ingressPath`). */
    public: boolean;
    /** Calls AWS APIs with its IRSA role (HTTPS egress outside the cluster). */
    callsAws: boolean;
    /** Serves Prometheus metrics on its port. */
    scraped: boolean;
}

/** The workloads of the application namespace, derived from the service catalog. */
export function workloadsOf(services: ServiceConfig[]): Workload[] {
    return [
        ...services.map(s => ({
            name: s.name, port: s.port, talksTo: s.talksTo, public: s.ingressPath !== undefined,
            callsAws: s.publishesTo.length > 0, scraped: true,
        })),
        // Replica-set members replicate to each other.
        { name: mongodb.name, port: mongodb.port, talksTo: [mongodb.name], public: false, callsAws: false, scraped: false },
        { name: mongodbInit.name, port: mongodb.port, talksTo: [mongodb.name], public: false, callsAws: false, scraped: false },
    ];
}
