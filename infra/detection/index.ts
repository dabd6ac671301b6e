import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArnBuilder } from "../policy-document";
import { FindingsBucket } from "./findings-bucket";

export interface ThreatDetectionArgs {
    namePrefix: string;
    arns: ArnBuilder;
    dataKeyArn: pulumi.Input<string>;
    alertsTopicArn: pulumi.Input<string>;
    protectData: boolean;
}

const guardDutyFeatures: Omit<aws.guardduty.DetectorFeatureArgs, "detectorId">[] = [
    { name: "EKS_AUDIT_LOGS", status: "ENABLED" },
    { name: "RUNTIME_MONITORING", status: "ENABLED", additionalConfigurations: [{ name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" }] },
];

/**
 * Account-level detection (seed "GuardDuty", "Security Hub"): exists once per account and region, so
 * only the stack that owns the account's security services creates it.
 */
export class ThreatDetection extends pulumi.ComponentResource {
    constructor(name: string, args: ThreatDetectionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:ThreatDetection", name, {}, opts);
        const detector = new aws.guardduty.Detector(`${args.namePrefix}-guardduty`, {
            enable: true,
            findingPublishingFrequency: "FIFTEEN_MINUTES",
        }, { parent: this });
        for (const feature of guardDutyFeatures) {
            new aws.guardduty.DetectorFeature(`${args.namePrefix}-${String(feature.name).toLowerCase()}`, { ...feature, detectorId: detector.id }, { parent: this });
        }
        const bucket = new FindingsBucket(`${args.namePrefix}-guardduty-findings`, {
            bucketName: `${args.namePrefix}-guardduty-findings-${args.arns.accountId}`,
            arns: args.arns, kmsKeyArn: args.dataKeyArn, protectData: args.protectData,
        }, { parent: this });
        new aws.guardduty.PublishingDestination(`${args.namePrefix}-findings`, {
            detectorId: detector.id,
            destinationArn: bucket.bucketArn,
            kmsKeyArn: args.dataKeyArn,
        }, { parent: this, dependsOn: bucket.ready });
        const rule = new aws.cloudwatch.EventRule(`${args.namePrefix}-guardduty-findings`, {
            description: "GuardDuty findings of medium severity and above to the security alerts topic",
            eventPattern: JSON.stringify({ source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"], detail: { severity: [{ numeric: [">=", 4] }] } }),
        }, { parent: this });
        new aws.cloudwatch.EventTarget(`${args.namePrefix}-guardduty-findings`, { rule: rule.name, arn: args.alertsTopicArn }, { parent: this });

        const hub = new aws.securityhub.Account(`${args.namePrefix}-securityhub`, { enableDefaultStandards: false }, { parent: this });
        const standards = {
            fsbp: "standards/aws-foundational-security-best-practices/v/1.0.0",
            cis: "standards/cis-aws-foundations-benchmark/v/3.0.0",
        };
        for (const [key, standard] of Object.entries(standards)) {
            new aws.securityhub.StandardsSubscription(`${args.namePrefix}-${key}`, {
                standardsArn: `arn:${args.arns.partition}:securityhub:${args.arns.region}::${standard}`,
            }, { parent: this, dependsOn: [hub] });
        }
        this.registerOutputs({});
    }
}
