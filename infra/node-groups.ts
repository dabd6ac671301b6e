import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { NodeGroupConfig } from "./config";
import { ArnBuilder, policyDocument } from "./policy-document";

export interface NodeGroupsArgs {
    namePrefix: string;
    clusterName: pulumi.Input<string>;
    arns: ArnBuilder;
    groups: NodeGroupConfig[];
    privateSubnetIds: pulumi.Input<string[]>;
    ebsKeyArn: pulumi.Input<string>;
    tags: Record<string, string>;
    /** Add-ons nodes need to become Ready (VPC CNI, kube-proxy). */
    waitFor: pulumi.Resource[];
}

/** The node role's minimum: join the cluster and pull images. The CNI's permissions go to its own IRSA role. */
const nodeManagedPolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly"];

/**
 * Managed node groups on Amazon Linux 2023 with an explicit launch template (seed "Node Security"):
 * encrypted gp3 root volume, IMDSv2 only with hop limit 1 (pods cannot reach node credentials),
 * no SSH key or remote access, private subnets only.
 */
export class NodeGroups extends pulumi.ComponentResource {
    readonly nodeGroups: aws.eks.NodeGroup[];
    readonly nodeRoleArn: pulumi.Output<string>;

    constructor(name: string, args: NodeGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:NodeGroups", name, {}, opts);
        const role = new aws.iam.Role(`${args.namePrefix}-node`, {
            assumeRolePolicy: policyDocument([{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }]),
        }, { parent: this });
        const attachments = nodeManagedPolicies.map(policy => new aws.iam.RolePolicyAttachment(`${args.namePrefix}-node-${policy}`, {
            role: role.name,
            policyArn: args.arns.managedPolicy(policy),
        }, { parent: this }));
        this.nodeRoleArn = role.arn;
        this.nodeGroups = args.groups.map(group => this.nodeGroup(group, args, role, attachments));
        this.registerOutputs({ nodeRoleArn: this.nodeRoleArn });
    }

    private nodeGroup(group: NodeGroupConfig, args: NodeGroupsArgs, role: aws.iam.Role, attachments: pulumi.Resource[]): aws.eks.NodeGroup {
        const name = `${args.namePrefix}-${group.name}`;
        const template = new aws.ec2.LaunchTemplate(name, {
            description: `Hardened nodes for ${name}`,
            updateDefaultVersion: true,
            metadataOptions: {
                httpEndpoint: "enabled",
                httpTokens: "required",
                httpPutResponseHopLimit: 1,
                instanceMetadataTags: "disabled",
            },
            blockDeviceMappings: [{
                deviceName: "/dev/xvda",
                ebs: {
                    volumeSize: group.diskSizeGiB,
                    volumeType: "gp3",
                    encrypted: "true",
                    kmsKeyId: args.ebsKeyArn,
                    deleteOnTermination: "true",
                },
            }],
            tagSpecifications: [
                { resourceType: "instance", tags: { ...args.tags, Name: name } },
                { resourceType: "volume", tags: { ...args.tags, Name: name } },
            ],
        }, { parent: this });
        return new aws.eks.NodeGroup(name, {
            clusterName: args.clusterName,
            nodeGroupName: name,
            nodeRoleArn: role.arn,
            subnetIds: args.privateSubnetIds,
            amiType: "AL2023_x86_64_STANDARD",
            instanceTypes: group.instanceTypes,
            capacityType: group.capacityType,
            scalingConfig: { minSize: group.minSize, desiredSize: group.desiredSize, maxSize: group.maxSize },
            updateConfig: { maxUnavailable: 1 },
            launchTemplate: { id: template.id, version: template.latestVersion.apply(v => `${v}`) },
            labels: { "eventsphere.io/node-group": group.name },
            tags: args.tags,
        }, { parent: this, dependsOn: [...attachments, ...args.waitFor], ignoreChanges: ["scalingConfig.desiredSize"] });
    }
}
