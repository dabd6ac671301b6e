import { StackValidationPolicy } from "@pulumi/policy";

const encryptionType = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const publicAccessType = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";

/**
 * Seed "S3: Encryption enabled": every bucket has a KMS encryption configuration and a full public access
 * block. Bucket IDs are unknown in a preview, so the pairing uses the engine's property dependencies.
 */
export const awsS3BucketEncrypted: StackValidationPolicy = {
    name: "aws-s3-bucket-encrypted",
    description: "Every S3 bucket has SSE-KMS encryption and blocks all public access (seed: Encryption at Rest)",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const covering = (type: string, ok: (props: any) => boolean) => new Set(args.resources
            .filter(r => r.type === type && ok(r.props))
            .flatMap(r => r.propertyDependencies.bucket?.map(b => b.urn) ?? []));
        const encrypted = covering(encryptionType, p => (p.rules ?? []).every((r: any) => r.applyServerSideEncryptionByDefault?.sseAlgorithm === "aws:kms"));
        const blocked = covering(publicAccessType, p => ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].every(k => p[k] === true));
        for (const bucket of args.resources.filter(r => r.type === "aws:s3/bucket:Bucket")) {
            if (!encrypted.has(bucket.urn)) reportViolation("bucket has no SSE-KMS BucketServerSideEncryptionConfiguration", bucket.urn);
            if (!blocked.has(bucket.urn)) reportViolation("bucket has no BucketPublicAccessBlock blocking all public access", bucket.urn);
        }
    },
};
