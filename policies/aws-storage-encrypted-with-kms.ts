import { isSet, resourcePolicy } from "./lib/define";

/** The key property that names a customer-managed KMS key, per storage type. */
const keyProperty: Record<string, string> = {
    "aws:cloudwatch/logGroup:LogGroup": "kmsKeyId",
    "aws:sns/topic:Topic": "kmsMasterKeyId",
    "aws:secretsmanager/secret:Secret": "kmsKeyId",
    "aws:backup/vault:Vault": "kmsKeyArn",
};

/** Seed "Encryption at Rest" and "CloudWatch Logs: Encrypted at rest": stored data uses our KMS keys. */
export const awsStorageEncryptedWithKms = resourcePolicy({
    name: "aws-storage-encrypted-with-kms",
    description: "Log groups, SNS topics, Secrets Manager secrets and backup vaults are encrypted with a customer-managed KMS key (seed: Encryption at Rest)",
    types: Object.keys(keyProperty),
    check: (props, report, args) => {
        const key = keyProperty[args.type];
        if (!isSet(props, key)) report(`${key} must name a KMS key`);
    },
});
