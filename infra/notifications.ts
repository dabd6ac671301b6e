import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { TopicKey } from "./config";
import { ArnBuilder, policyDocument } from "./policy-document";

export interface NotificationTopicsArgs {
    namePrefix: string;
    arns: ArnBuilder;
    kmsKeyArn: pulumi.Input<string>;
    alertEmail: string;
}

/** Topic names and ARNs, known before the topics exist (IAM policies and secrets refer to them). */
export function topicArns(namePrefix: string, arns: ArnBuilder): Record<TopicKey, string> {
    return {
        notifications: arns.regional("sns", `${namePrefix}-notifications`),
        alerts: arns.regional("sns", `${namePrefix}-security-alerts`),
    };
}

/**
 * SNS topics, KMS-encrypted: application notifications, and security/critical alerts
 * (seed "Alerting", GuardDuty findings) with the alert e-mail subscribed.
 */
export class NotificationTopics extends pulumi.ComponentResource {
    readonly topicArns: Record<TopicKey, pulumi.Output<string>>;

    constructor(name: string, args: NotificationTopicsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:NotificationTopics", name, {}, opts);
        const expected = topicArns(args.namePrefix, args.arns);
        const topic = (key: TopicKey) => new aws.sns.Topic(`${args.namePrefix}-${key}`, {
            name: expected[key].split(":").pop(),
            kmsMasterKeyId: args.kmsKeyArn,
        }, { parent: this });
        const notifications = topic("notifications");
        const alerts = topic("alerts");
        new aws.sns.TopicPolicy(`${args.namePrefix}-alerts`, {
            arn: alerts.arn,
            policy: policyDocument([
                    {
                        Sid: "EventBridgePublishesFindings", Effect: "Allow", Principal: { Service: "events.amazonaws.com" },
                        Action: "sns:Publish", Resource: expected.alerts,
                        Condition: { StringEquals: { "aws:SourceAccount": args.arns.accountId } },
                    },
                    {
                        Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: expected.alerts,
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    },
            ]),
        }, { parent: this });
        new aws.sns.TopicSubscription(`${args.namePrefix}-alerts-email`, {
            topic: alerts.arn,
            protocol: "email",
            endpoint: args.alertEmail,
        }, { parent: this });
        this.topicArns = { notifications: notifications.arn, alerts: alerts.arn };
        this.registerOutputs({ topicArns: this.topicArns });
    }
}
