import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AddonVersions } from "./addon-versions";
import { IrsaRole, OidcProvider } from "./irsa";
import { ArnBuilder, Statement } from "./policy-document";

export interface ClusterAddonsArgs {
    namePrefix: string;
    clusterName: pulumi.Input<string>;
    versions: AddonVersions;
    oidc: OidcProvider;
    arns: ArnBuilder;
    /** Alias of the EBS key, so the driver's grant permissions are known before the key exists. */
    ebsKeyAlias: string;
}

/** Seed "Network Policies" are enforced only when the VPC CNI's network policy agent is on. */
export const vpcCniConfiguration = { enableNetworkPolicy: "true" };

const keyUseActions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

/**
 * Lets a role use the one KMS key that carries `alias` (the key's ARN is not known before it exists);
 * with `grants`, also create grants for AWS resources (EBS volumes).
 */
export function kmsKeyUseByAlias(arns: ArnBuilder, alias: string, options: { actions?: string[]; grants?: boolean } = {}): Statement[] {
    const keys = arns.regional("kms", "key/*");
    const byAlias = { "ForAnyValue:StringEquals": { "kms:ResourceAliases": `alias/${alias}` } };
    const use: Statement = { Effect: "Allow", Action: options.actions ?? keyUseActions, Resource: keys, Condition: byAlias };
    const grants: Statement = { Effect: "Allow", Action: "kms:CreateGrant", Resource: keys, Condition: { ...byAlias, Bool: { "kms:GrantIsForAWSResource": "true" } } };
    return options.grants ? [use, grants] : [use];
}

/**
 * EKS managed add-ons, pinned: VPC CNI (network policies on) and kube-proxy with the control plane,
 * then CoreDNS and the EBS CSI driver once nodes exist (`addNodeDependentAddons`).
 */
export class ClusterAddons extends pulumi.ComponentResource {
    /** The add-ons that nodes need in order to become Ready. */
    readonly beforeNodes: aws.eks.Addon[];
    readonly afterNodes: aws.eks.Addon[] = [];
    private readonly ebsRoleArn: pulumi.Output<string>;
    private readonly args: ClusterAddonsArgs;

    constructor(name: string, args: ClusterAddonsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:ClusterAddons", name, {}, opts);
        const cniRole = new IrsaRole(`${args.namePrefix}-vpc-cni`, {
            oidc: args.oidc, namespace: "kube-system", serviceAccount: "aws-node",
            managedPolicyArns: [args.arns.managedPolicy("AmazonEKS_CNI_Policy")],
        }, { parent: this });
        const ebsRole = new IrsaRole(`${args.namePrefix}-ebs-csi`, {
            oidc: args.oidc, namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa",
            managedPolicyArns: [args.arns.managedPolicy("service-role/AmazonEBSCSIDriverPolicy")],
            statements: kmsKeyUseByAlias(args.arns, args.ebsKeyAlias, { grants: true }),
        }, { parent: this });

        // Needed before any node is Ready, so created with the control plane.
        const vpcCni = this.addon("vpc-cni", args, { serviceAccountRoleArn: cniRole.roleArn, configurationValues: JSON.stringify(vpcCniConfiguration) });
        const kubeProxy = this.addon("kube-proxy", args, {});
        this.beforeNodes = [vpcCni, kubeProxy];
        this.ebsRoleArn = ebsRole.roleArn;
        this.args = args;
        this.registerOutputs({});
    }

    /** CoreDNS and the EBS CSI driver need running nodes: created before them they sit DEGRADED until a timeout. */
    addNodeDependentAddons(nodeGroups: pulumi.Resource[]): aws.eks.Addon[] {
        const afterNodes = { dependsOn: nodeGroups };
        this.afterNodes.push(
            this.addon("coredns", this.args, {}, afterNodes),
            this.addon("aws-ebs-csi-driver", this.args, { serviceAccountRoleArn: this.ebsRoleArn }, afterNodes),
        );
        return this.afterNodes;
    }

    private addon(addonName: keyof AddonVersions, args: ClusterAddonsArgs, extra: Partial<aws.eks.AddonArgs>, opts: pulumi.CustomResourceOptions = {}): aws.eks.Addon {
        return new aws.eks.Addon(`${args.namePrefix}-${addonName}`, {
            clusterName: args.clusterName,
            addonName,
            addonVersion: args.versions[addonName],
            resolveConflictsOnCreate: "OVERWRITE",
            resolveConflictsOnUpdate: "OVERWRITE",
            ...extra,
        }, { parent: this, ...opts });
    }
}
