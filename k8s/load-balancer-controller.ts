import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { chartSource, irsaServiceAccount } from "./charts";

export interface LoadBalancerControllerArgs {
    clusterName: string;
    region: string;
    vpcId: pulumi.Input<string>;
    namespace: string;
    serviceAccount: string;
    roleArn: pulumi.Input<string>;
}

/** The AWS Load Balancer Controller (pinned chart, IRSA role), which turns Ingresses into ALBs. */
export class LoadBalancerController extends pulumi.ComponentResource {
    readonly chart: k8s.helm.v4.Chart;

    constructor(name: string, args: LoadBalancerControllerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:LoadBalancerController", name, {}, opts);
        this.chart = new k8s.helm.v4.Chart(name, {
            ...chartSource("loadBalancerController"),
            namespace: args.namespace,
            values: {
                clusterName: args.clusterName,
                region: args.region,
                vpcId: args.vpcId,
                replicaCount: 2,
                serviceAccount: irsaServiceAccount(args.serviceAccount, args.roleArn),
                resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
                // WAFv2 only: the ACL is attached by annotation; classic WAF and Shield are not used.
                enableWaf: false,
                enableWafv2: true,
                enableShield: false,
            },
        }, { parent: this });
        this.registerOutputs({});
    }
}
