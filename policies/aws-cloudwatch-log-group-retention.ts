import { resourcePolicy } from "./lib/define";

/** Seed "CloudWatch Logs: Retention 7 days": a log group without retention keeps everything forever. */
export const awsCloudwatchLogGroupRetention = resourcePolicy({
    name: "aws-cloudwatch-log-group-retention",
    description: "CloudWatch log groups set retentionInDays (seed: CloudWatch Logs)",
    types: ["aws:cloudwatch/logGroup:LogGroup"],
    check: (group, report) => { if (!(group.retentionInDays > 0)) report("retentionInDays must be set"); },
});
