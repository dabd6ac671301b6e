import * as eks from "@pulumi/eks";
import * as pulumi from "@pulumi/pulumi";
import { OidcProvider } from "./irsa";

/** Seed "Control Plane Logging": all five components. */
export const controlPlaneLogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
const accessPolicies = {
    admin: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
    // Read-only, Secrets excluded: enough for previews (the Kubernetes provider falls back to a client-side diff).
    view: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
};

/** An IAM role admitted to the cluster, at one of the access levels above. */
export interface ClusterAccess {
    name: string;
    principalArn: string;
    level: keyof typeof accessPolicies;
}

export interface ClusterArgs {
    clusterName: string;
    kubernetesVersion: string;
    vpcId: pulumi.Input<string>;
    privateSubnetIds: pulumi.Input<string[]>;
    /** Empty: the public endpoint is off. Never 0.0.0.0/0 (config validation refuses it). */
    publicEndpointCidrs: string[];
    secretsKeyArn: pulumi.Input<string>;
    /** Who may use the Kubernetes API: the platform admins, deployers, CI previews. */
    access: ClusterAccess[];
    deletionProtection: boolean;
    tags: Record<string, string>;
    /** The control-plane log group (EKS would otherwise create it first, unencrypted and kept forever), and the roles access entries name. */
    waitFor: pulumi.Resource[];
}

/**
 * The EKS control plane: private endpoint, public endpoint only for listed CIDRs, envelope encryption
 * of Kubernetes secrets, all control-plane logs, OIDC for IRSA, access entries instead of aws-auth.
 * No node group and no add-ons here: they are explicit resources (NodeGroups, ClusterAddons).
 */
export class Cluster extends pulumi.ComponentResource {
    readonly clusterName: pulumi.Output<string>;
    readonly kubeconfig: pulumi.Output<string>;
    readonly oidc: { arn: pulumi.Output<string>; url: pulumi.Output<string> } & OidcProvider;
    readonly clusterSecurityGroupId: pulumi.Output<string>;

    constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:Cluster", name, {}, opts);
        const cluster = new eks.Cluster(args.clusterName, {
            name: args.clusterName,
            version: args.kubernetesVersion,
            vpcId: args.vpcId,
            privateSubnetIds: args.privateSubnetIds,
            endpointPrivateAccess: true,
            endpointPublicAccess: args.publicEndpointCidrs.length > 0,
            publicAccessCidrs: args.publicEndpointCidrs.length > 0 ? args.publicEndpointCidrs : undefined,
            enabledClusterLogTypes: controlPlaneLogTypes,
            encryptionConfigKeyArn: args.secretsKeyArn,
            createOidcProvider: true,
            authenticationMode: eks.AuthenticationMode.Api,
            accessEntries: Object.fromEntries(args.access.map(entry => [entry.name, {
                principalArn: entry.principalArn,
                accessPolicies: { [entry.level]: { policyArn: accessPolicies[entry.level], accessScope: { type: "cluster" } } },
            }])),
            skipDefaultNodeGroup: true,
            skipDefaultSecurityGroups: true,
            bootstrapSelfManagedAddons: false,
            useDefaultVpcCni: true,
            corednsAddonOptions: { enabled: false },
            kubeProxyAddonOptions: { enabled: false },
            deletionProtection: args.deletionProtection,
            // @pulumi/eks defaults to EXTENDED support, billed at six times the standard rate once a version ages.
            upgradePolicy: { supportType: "STANDARD" },
            tags: args.tags,
        }, { parent: this, dependsOn: args.waitFor });
        this.clusterName = cluster.eksCluster.apply(c => c.name);
        this.kubeconfig = cluster.kubeconfigJson;
        this.clusterSecurityGroupId = cluster.clusterSecurityGroupId;
        const provider = cluster.core.apply(core => core.oidcProvider!);
        this.oidc = { arn: provider.apply(p => p.arn), url: provider.apply(p => p.url) };
        this.registerOutputs({ clusterName: this.clusterName, oidcProviderArn: this.oidc.arn });
    }
}
