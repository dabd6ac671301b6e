import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { chartSource, irsaServiceAccount } from "./charts";
import { WorkloadNamespace } from "./namespace";

export interface FluentBitArgs {
    /** A namespace of its own, `privileged` by design: Fluent Bit reads the nodes' log files. */
    namespace: WorkloadNamespace;
    region: string;
    /** The KMS-encrypted log group with retention, made by the AWS side; Fluent Bit never creates groups. */
    logGroupName: string;
    serviceAccount: string;
    roleArn: pulumi.Input<string>;
}

/** Seed "CloudWatch Logs": container logs shipped by aws-for-fluent-bit (pinned) as a DaemonSet with its IRSA role. */
export class FluentBit extends pulumi.ComponentResource {
    constructor(name: string, args: FluentBitArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:FluentBit", name, {}, opts);
        new k8s.helm.v4.Chart(name, {
            ...chartSource("fluentBit"),
            namespace: args.namespace.name,
            values: {
                cloudWatchLogs: {
                    enabled: true,
                    region: args.region,
                    logGroupName: args.logGroupName,
                    logStreamPrefix: "fluentbit-",
                    // The group exists with KMS and retention; a group Fluent Bit made would have neither.
                    autoCreateGroup: false,
                },
                cloudWatch: { enabled: false },
                firehose: { enabled: false },
                kinesis: { enabled: false },
                elasticsearch: { enabled: false },
                serviceAccount: irsaServiceAccount(args.serviceAccount, args.roleArn),
                // Root to read the host's log files, but nothing more: no escalation, no capabilities.
                containerSecurityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
                podSecurityContext: { seccompProfile: { type: "RuntimeDefault" } },
                resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "250m", memory: "256Mi" } },
                tolerations: [{ operator: "Exists" }],
            },
        }, args.namespace.within(this));
        this.registerOutputs({});
    }
}
