import { resourcePolicy } from "./lib/define";

const world = ["0.0.0.0/0", "::/0"];

/** Seed "Public API Endpoint ... restricted CIDR", "Private API Endpoint: Enabled". */
export const awsEksClusterEndpointRestricted = resourcePolicy({
    name: "aws-eks-cluster-endpoint-restricted",
    description: "EKS API: private endpoint on; public endpoint off, or on only for an allow-list of CIDRs without 0.0.0.0/0 (seed: EKS Cluster Security)",
    types: ["eks:index:Cluster", "aws:eks/cluster:Cluster"],
    check: (cluster, report) => {
        const access = cluster.vpcConfig ?? cluster;
        if (access.endpointPrivateAccess !== true) report("endpointPrivateAccess must be true");
        // The EKS API defaults the public endpoint to on and open to the world.
        if (access.endpointPublicAccess === false) return;
        const cidrs: string[] = access.publicAccessCidrs ?? [];
        if (cidrs.length === 0) report("public endpoint is on without publicAccessCidrs: it would be open to 0.0.0.0/0");
        for (const cidr of cidrs.filter(c => world.includes(c))) report(`publicAccessCidrs must not contain ${cidr}`);
    },
});
