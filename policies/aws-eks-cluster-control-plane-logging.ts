import { resourcePolicy } from "./lib/define";

const required = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

/** Seed "Control Plane Logging": all components. */
export const awsEksClusterControlPlaneLogging = resourcePolicy({
    name: "aws-eks-cluster-control-plane-logging",
    description: `EKS clusters log all control-plane components: ${required.join(", ")} (seed: EKS Control Plane Logging)`,
    types: ["eks:index:Cluster", "aws:eks/cluster:Cluster"],
    check: (cluster, report) => {
        const enabled: string[] = cluster.enabledClusterLogTypes ?? [];
        const missing = required.filter(t => !enabled.includes(t));
        if (missing.length) report(`enabledClusterLogTypes is missing ${missing.join(", ")}`);
    },
});
