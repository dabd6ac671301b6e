import { resourcePolicy } from "./lib/define";

/** Seed "Encryption at Rest" for images: KMS rather than the default AES256. */
export const awsEcrRepositoryEncrypted = resourcePolicy({
    name: "aws-ecr-repository-encrypted",
    description: "ECR repositories use KMS encryption (seed: Encryption at Rest)",
    types: ["aws:ecr/repository:Repository"],
    check: (repo, report) => {
        const config = (repo.encryptionConfigurations ?? [])[0];
        if (config?.encryptionType !== "KMS") report("encryptionConfigurations[0].encryptionType must be KMS");
    },
});
