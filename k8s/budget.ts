import { MongoDbConfig, ServiceConfig } from "../infra/config";
import { parseCpu, parseMemory } from "../infra/config/quantities";
import { NamespaceBudget } from "./namespace";

/** The autoscaler's ceiling for a service: three times its floor. */
export const maxReplicasOf = (service: ServiceConfig) => service.replicas * 3;

/** Headroom for the MongoDB init Job and its init containers, and for rollouts' surge pods. */
const overhead = { cpu: 0.5, memory: 512 * 2 ** 20, pods: 4 };

/**
 * The application namespace's quota, from the catalog: every service at its autoscaler ceiling plus
 * one surge pod, and MongoDB, at their limits. A service added to the catalog raises it.
 */
export function applicationBudget(services: ServiceConfig[], mongodb: MongoDbConfig): NamespaceBudget {
    const workloads = [
        ...services.map(s => ({ count: maxReplicasOf(s) + 1, cpu: s.cpu.limit, memory: s.memory.limit })),
        { count: mongodb.replicas, cpu: mongodb.cpu.limit, memory: mongodb.memory.limit },
    ];
    const cpu = workloads.reduce((sum, w) => sum + w.count * parseCpu(w.cpu)!, overhead.cpu);
    const memory = workloads.reduce((sum, w) => sum + w.count * parseMemory(w.memory)!, overhead.memory);
    return {
        cpu: `${Math.ceil(cpu * 1000)}m`,
        memory: `${Math.ceil(memory / 2 ** 20)}Mi`,
        pods: workloads.reduce((sum, w) => sum + w.count, overhead.pods),
        persistentVolumeClaims: mongodb.replicas,
        storage: `${mongodb.replicas * mongodb.storageGiB}Gi`,
    };
}
