import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArnBuilder, policyDocument } from "../policy-document";
import { statefulOptions } from "../stateful";

export interface FindingsBucketArgs {
    bucketName: string;
    arns: ArnBuilder;
    kmsKeyArn: pulumi.Input<string>;
    protectData: boolean;
}

/** An S3 bucket for GuardDuty findings: KMS-encrypted, versioned, public access blocked, TLS only. */
export class FindingsBucket extends pulumi.ComponentResource {
    readonly bucketArn: pulumi.Output<string>;
    /** Resolves once the bucket policy that lets GuardDuty write is in place. */
    readonly ready: pulumi.Resource[];

    constructor(name: string, args: FindingsBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:FindingsBucket", name, {}, opts);
        const bucketArn = `arn:${args.arns.partition}:s3:::${args.bucketName}`;
        const bucket = new aws.s3.Bucket(name, { bucket: args.bucketName, forceDestroy: !args.protectData }, statefulOptions(args.protectData, this));
        const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(name, {
            bucket: bucket.id,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true }],
        }, { parent: this });
        const publicAccess = new aws.s3.BucketPublicAccessBlock(name, {
            bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
        }, { parent: this });
        new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, { parent: this });
        const guardDuty = { Service: "guardduty.amazonaws.com" };
        const fromThisAccount = { StringEquals: { "aws:SourceAccount": args.arns.accountId } };
        const policy = new aws.s3.BucketPolicy(name, {
            bucket: bucket.id,
            policy: policyDocument([
                { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
                { Sid: "GuardDutyLocation", Effect: "Allow", Principal: guardDuty, Action: "s3:GetBucketLocation", Resource: bucketArn, Condition: fromThisAccount },
                { Sid: "GuardDutyWrite", Effect: "Allow", Principal: guardDuty, Action: "s3:PutObject", Resource: `${bucketArn}/*`, Condition: fromThisAccount },
            ]),
        }, { parent: this, dependsOn: [publicAccess] });
        this.bucketArn = bucket.arn;
        this.ready = [encryption, policy];
        this.registerOutputs({ bucketArn: this.bucketArn });
    }
}
