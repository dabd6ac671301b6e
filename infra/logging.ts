import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { statefulOptions } from "./stateful";

export interface LogGroupsArgs {
    clusterName: string;
    /** Seed "CloudWatch Logs": 7 days. */
    retentionDays: number;
    logsKeyArn: pulumi.Input<string>;
    protectData: boolean;
}

/** Names of the CloudWatch log groups the platform writes to; known before anything exists. */
export function logGroupNames(clusterName: string) {
    return {
        // EKS writes control-plane logs here; made before the cluster so retention and KMS apply from the start.
        controlPlane: `/aws/eks/${clusterName}/cluster`,
        containers: `/aws/eks/${clusterName}/containers`,
        host: `/aws/eks/${clusterName}/host`,
    };
}

export type LogGroupName = keyof ReturnType<typeof logGroupNames>;

/** Encrypted CloudWatch log groups with retention for the control plane and Fluent Bit. */
export class LogGroups extends pulumi.ComponentResource {
    readonly names: Record<LogGroupName, string>;
    readonly groups: aws.cloudwatch.LogGroup[];

    constructor(name: string, args: LogGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:LogGroups", name, {}, opts);
        this.names = logGroupNames(args.clusterName);
        this.groups = Object.entries(this.names).map(([purpose, logGroupName]) =>
            new aws.cloudwatch.LogGroup(`${name}-${purpose}`, {
                name: logGroupName,
                retentionInDays: args.retentionDays,
                kmsKeyId: args.logsKeyArn,
            }, statefulOptions(args.protectData, this)));
        this.registerOutputs({ names: this.names });
    }
}
