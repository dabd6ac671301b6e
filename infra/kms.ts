import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArnBuilder, Statement, policyDocument } from "./policy-document";
import { statefulOptions } from "./stateful";

export interface EncryptionKeysArgs {
    namePrefix: string;
    arns: ArnBuilder;
    protectData: boolean;
}

/** What a key is for, and which AWS services (beyond IAM in the account) may use it. */
interface KeyPurpose {
    description: string;
    serviceStatements: (arns: ArnBuilder) => Statement[];
}

const useActions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

function viaService(arns: ArnBuilder, ...services: string[]): Statement {
    return {
        Sid: "AllowUseThroughServices",
        Effect: "Allow",
        Principal: { AWS: arns.accountRoot() },
        Action: [...useActions, "kms:CreateGrant"],
        Resource: "*",
        Condition: { StringEquals: { "kms:ViaService": services.map(s => `${s}.${arns.region}.amazonaws.com`), "kms:CallerAccount": arns.accountId } },
    };
}

const purposes = {
    eks: {
        description: "EKS Kubernetes secrets envelope encryption",
        serviceStatements: arns => [viaService(arns, "eks")],
    },
    ebs: {
        description: "EBS volumes of nodes and MongoDB, and their backups",
        serviceStatements: arns => {
            const autoscaling = arns.global("iam", "role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
            return [
                viaService(arns, "ec2", "backup"),
                { Sid: "AllowAutoScalingToUseKey", Effect: "Allow", Principal: { AWS: autoscaling }, Action: useActions, Resource: "*" },
                {
                    Sid: "AllowAutoScalingGrants", Effect: "Allow", Principal: { AWS: autoscaling }, Action: "kms:CreateGrant", Resource: "*",
                    Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
                },
            ];
        },
    },
    logs: {
        description: "CloudWatch Logs: control plane, containers, VPC flow logs",
        serviceStatements: arns => [{
            Sid: "AllowCloudWatchLogs", Effect: "Allow",
            Principal: { Service: `logs.${arns.region}.amazonaws.com` },
            Action: useActions, Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": arns.regional("logs", "log-group:*") } },
        }],
    },
    data: {
        description: "Secrets Manager secrets, SNS topics, ECR images and GuardDuty findings",
        serviceStatements: arns => [
            viaService(arns, "secretsmanager", "sns", "s3", "ecr"),
            {
                Sid: "AllowEventDeliveryToEncryptedTopics", Effect: "Allow",
                Principal: { Service: ["events.amazonaws.com", "guardduty.amazonaws.com"] },
                Action: ["kms:GenerateDataKey*", "kms:Decrypt"], Resource: "*",
                Condition: { StringEquals: { "aws:SourceAccount": arns.accountId } },
            },
        ],
    },
} satisfies Record<string, KeyPurpose>;

export type KeyName = keyof typeof purposes;

/** Customer-managed KMS keys, one per purpose, rotated yearly, usable only by the services that need them. */
export class EncryptionKeys extends pulumi.ComponentResource {
    readonly keys: Record<KeyName, aws.kms.Key>;
    readonly arns: Record<KeyName, pulumi.Output<string>>;

    constructor(name: string, args: EncryptionKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:EncryptionKeys", name, {}, opts);
        const entries = (Object.keys(purposes) as KeyName[]).map(purpose => [purpose, this.key(purpose, args)] as const);
        this.keys = Object.fromEntries(entries) as Record<KeyName, aws.kms.Key>;
        this.arns = Object.fromEntries(entries.map(([k, key]) => [k, key.arn])) as Record<KeyName, pulumi.Output<string>>;
        this.registerOutputs({ arns: this.arns });
    }

    private key(purpose: KeyName, args: EncryptionKeysArgs): aws.kms.Key {
        const { arns } = args;
        const adminStatement: Statement = {
            Sid: "AccountAdministration", Effect: "Allow", Principal: { AWS: arns.accountRoot() },
            Action: "kms:*", Resource: "*",
        };
        const key = new aws.kms.Key(`${args.namePrefix}-${purpose}`, {
            description: `${args.namePrefix}: ${purposes[purpose].description}`,
            enableKeyRotation: true,
            deletionWindowInDays: args.protectData ? 30 : 7,
            policy: policyDocument([adminStatement, ...purposes[purpose].serviceStatements(arns)]),
        }, statefulOptions(args.protectData, this));
        new aws.kms.Alias(`${args.namePrefix}-${purpose}`, {
            name: `alias/${args.namePrefix}-${purpose}`,
            targetKeyId: key.keyId,
        }, { parent: this });
        return key;
    }
}
