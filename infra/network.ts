import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { ArnBuilder, policyDocument } from "./policy-document";
import { statefulOptions } from "./stateful";

export interface NetworkArgs {
    namePrefix: string;
    clusterName: string;
    arns: ArnBuilder;
    vpcCidr: string;
    azCount: number;
    natStrategy: "single" | "perAz";
    /** Interface endpoints for ECR, STS and CloudWatch Logs keep that traffic off the NAT gateways. */
    interfaceEndpoints: boolean;
    flowLogRetentionDays: number;
    logsKeyArn: pulumi.Input<string>;
    protectData: boolean;
}

const interfaceEndpointServices = ["ecr.api", "ecr.dkr", "sts", "logs"];

/** VPC with public and private subnets across AZs, NAT, flow logs and VPC endpoints. */
export class Network extends pulumi.ComponentResource {
    readonly vpcId: pulumi.Output<string>;
    readonly privateSubnetIds: pulumi.Output<string[]>;
    readonly publicSubnetIds: pulumi.Output<string[]>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:Network", name, {}, opts);
        const clusterTag = `kubernetes.io/cluster/${args.clusterName}`;
        const vpc = new awsx.ec2.Vpc(`${args.namePrefix}-vpc`, {
            cidrBlock: args.vpcCidr,
            numberOfAvailabilityZones: args.azCount,
            enableDnsHostnames: true,
            enableDnsSupport: true,
            natGateways: { strategy: args.natStrategy === "perAz" ? "OnePerAz" : "Single" },
            subnetSpecs: [
                { type: "Public", tags: { "kubernetes.io/role/elb": "1", [clusterTag]: "shared" } },
                { type: "Private", tags: { "kubernetes.io/role/internal-elb": "1", [clusterTag]: "shared" } },
            ],
            subnetStrategy: "Auto",
        }, { parent: this });
        this.vpcId = vpc.vpcId;
        this.privateSubnetIds = vpc.privateSubnetIds;
        this.publicSubnetIds = vpc.publicSubnetIds;

        // CIS 5.4: the default security group allows nothing; every workload uses its own.
        new aws.ec2.DefaultSecurityGroup(`${args.namePrefix}-default-sg`, { vpcId: vpc.vpcId }, { parent: this });
        this.flowLogs(args, vpc.vpcId);
        this.endpoints(args, vpc);
        this.registerOutputs({ vpcId: this.vpcId, privateSubnetIds: this.privateSubnetIds });
    }

    private flowLogs(args: NetworkArgs, vpcId: pulumi.Output<string>): void {
        const logGroupName = `/aws/vpc/${args.namePrefix}/flow-logs`;
        const logGroup = new aws.cloudwatch.LogGroup(`${args.namePrefix}-flow-logs`, {
            name: logGroupName,
            retentionInDays: args.flowLogRetentionDays,
            kmsKeyId: args.logsKeyArn,
        }, statefulOptions(args.protectData, this));
        const role = new aws.iam.Role(`${args.namePrefix}-flow-logs`, {
            assumeRolePolicy: policyDocument([{
                Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": args.arns.accountId } },
            }]),
        }, { parent: this });
        new aws.iam.RolePolicy(`${args.namePrefix}-flow-logs`, {
            role: role.id,
            policy: policyDocument([{
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: [args.arns.regional("logs", `log-group:${logGroupName}`), args.arns.regional("logs", `log-group:${logGroupName}:*`)],
            }]),
        }, { parent: this });
        new aws.ec2.FlowLog(`${args.namePrefix}-flow-log`, {
            vpcId,
            trafficType: "ALL",
            logDestinationType: "cloud-watch-logs",
            logDestination: logGroup.arn,
            iamRoleArn: role.arn,
        }, { parent: this });
    }

    private endpoints(args: NetworkArgs, vpc: awsx.ec2.Vpc): void {
        const routeTableIds = pulumi.output(vpc.routeTables).apply(tables => pulumi.all(tables.map(t => t.id)));
        new aws.ec2.VpcEndpoint(`${args.namePrefix}-s3`, {
            vpcId: vpc.vpcId,
            serviceName: `com.amazonaws.${args.arns.region}.s3`,
            vpcEndpointType: "Gateway",
            routeTableIds,
        }, { parent: this });
        if (!args.interfaceEndpoints) return;
        const endpointSg = new aws.ec2.SecurityGroup(`${args.namePrefix}-endpoints`, {
            vpcId: vpc.vpcId,
            description: "HTTPS from inside the VPC to AWS interface endpoints",
            ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [args.vpcCidr], description: "VPC" }],
        }, { parent: this });
        for (const service of interfaceEndpointServices) {
            new aws.ec2.VpcEndpoint(`${args.namePrefix}-${service.replace(".", "-")}`, {
                vpcId: vpc.vpcId,
                serviceName: `com.amazonaws.${args.arns.region}.${service}`,
                vpcEndpointType: "Interface",
                privateDnsEnabled: true,
                subnetIds: vpc.privateSubnetIds,
                securityGroupIds: [endpointSg.id],
            }, { parent: this });
        }
    }
}
