import { isSet, resourcePolicy } from "./lib/define";

/** Kubernetes secrets envelope-encrypted with a customer-managed KMS key (seed: Secrets Management, Encryption at Rest). */
export const awsEksClusterSecretsEncrypted = resourcePolicy({
    name: "aws-eks-cluster-secrets-encrypted",
    description: "EKS clusters envelope-encrypt Kubernetes secrets with a KMS key (seed: Encryption at Rest)",
    types: ["eks:index:Cluster", "aws:eks/cluster:Cluster"],
    check: (cluster, report, args) => {
        if (args.type === "eks:index:Cluster") {
            if (!isSet(cluster, "encryptionConfigKeyArn")) report("encryptionConfigKeyArn must name a KMS key");
            return;
        }
        const config = cluster.encryptionConfig;
        if (!config || !(config.resources ?? []).includes("secrets") || !isSet(config.provider ?? {}, "keyArn")) {
            report("encryptionConfig must cover resources [secrets] with provider.keyArn");
        }
    },
});
