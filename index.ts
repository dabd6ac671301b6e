/**
 * EventSphere on AWS EKS: one stack per environment, composed from components.
 * The security design these components implement is shared/seed/eventsphere-security.md.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { addonVersionsByKubernetesVersion } from "./infra/addon-versions";
import { ClusterAddons } from "./infra/addons";
import { Cluster } from "./infra/cluster";
import { readStackConfig } from "./infra/config";
import { ThreatDetection } from "./infra/detection";
import { Edge } from "./infra/edge";
import { EncryptionKeys } from "./infra/kms";
import { LogGroups } from "./infra/logging";
import { Network } from "./infra/network";
import { NodeGroups } from "./infra/node-groups";
import { NotificationTopics, topicArns } from "./infra/notifications";
import { ArnBuilder } from "./infra/policy-document";
import { ImageRegistry } from "./infra/registry";
import { ApplicationSecrets } from "./infra/secrets";
import { VolumeBackup } from "./infra/backup";
import { WorkloadRoles } from "./infra/workload-roles";

export = async () => {
    const config = readStackConfig();
    const { namePrefix, protectStatefulResources: protectData } = config;
    const arns = new ArnBuilder(config.accountId, config.region);
    const tags = { Project: "eventsphere", Environment: config.environment, ManagedBy: "pulumi" };
    const awsProvider = new aws.Provider("aws", {
        region: config.region as aws.Region,
        allowedAccountIds: [config.accountId],
        defaultTags: { tags },
    });
    const onAws = { providers: [awsProvider] };
    const clusterName = namePrefix;
    const secretPrefix = `eventsphere/${config.environment}`;
    const topics = topicArns(namePrefix, arns);

    // Nothing in this block waits for the cluster: a first `pulumi up` builds it in parallel.
    const keys = new EncryptionKeys("keys", { namePrefix, arns, protectData }, onAws);
    const logs = new LogGroups("logs", { clusterName, retentionDays: config.cluster.logRetentionDays, logsKeyArn: keys.arns.logs, protectData }, onAws);
    const registry = new ImageRegistry("images", {
        namePrefix, protectData, kmsKeyArn: keys.arns.data,
        repositories: [...new Set(config.services.map(s => s.image.repository))],
    }, onAws);
    const notifications = new NotificationTopics("topics", { namePrefix, arns, kmsKeyArn: keys.arns.data, alertEmail: config.alertEmail }, onAws);
    const secrets = new ApplicationSecrets("secrets", { namePrefix, secretPrefix, kmsKeyArn: keys.arns.data, topicArns: topics, protectData }, onAws);
    const edge = new Edge("edge", { namePrefix, ...config.edge }, onAws);
    const backup = new VolumeBackup("backup", { namePrefix, arns, kmsKeyArn: keys.arns.ebs, retentionDays: config.backup.retentionDays, protectData }, onAws);
    if (config.ownsAccountSecurityServices) {
        new ThreatDetection("detection", { namePrefix, arns, dataKeyArn: keys.arns.data, alertsTopicArn: notifications.topicArns.alerts, protectData }, onAws);
    }

    const network = new Network("network", { namePrefix, clusterName, arns, ...config.network, logsKeyArn: keys.arns.logs, protectData }, onAws);
    const cluster = new Cluster("cluster", {
        clusterName,
        kubernetesVersion: config.cluster.kubernetesVersion,
        vpcId: network.vpcId,
        privateSubnetIds: network.privateSubnetIds,
        publicEndpointCidrs: config.cluster.publicEndpointCidrs,
        secretsKeyArn: keys.arns.eks,
        adminRoleArn: config.cluster.adminRoleArn,
        deployerRoleArn: config.cluster.deployerRoleArn,
        deletionProtection: config.cluster.deletionProtection,
        tags,
        waitFor: logs.groups,
    }, onAws);
    const addons = new ClusterAddons("addons", {
        namePrefix, clusterName: cluster.clusterName, arns, oidc: cluster.oidc, ebsKeyAlias: `${namePrefix}-ebs`,
        versions: addonVersionsByKubernetesVersion[config.cluster.kubernetesVersion],
    }, onAws);
    const nodes = new NodeGroups("nodes", {
        namePrefix, clusterName: cluster.clusterName, arns, groups: config.nodeGroups, privateSubnetIds: network.privateSubnetIds,
        ebsKeyArn: keys.arns.ebs, tags, waitFor: addons.beforeNodes,
    }, onAws);
    addons.addNodeDependentAddons(nodes.nodeGroups);
    const roles = new WorkloadRoles("workload-roles", {
        namePrefix, oidc: cluster.oidc, arns, services: config.services, topicArns: topics, secretPrefix,
        dataKeyAlias: `${namePrefix}-data`, logGroups: logs.names,
    }, onAws);

    return {
        clusterName: cluster.clusterName,
        kubeconfig: pulumi.secret(cluster.kubeconfig),
        oidcProviderArn: cluster.oidc.arn,
        vpcId: network.vpcId,
        repositoryUrls: registry.repositoryUrls,
        roleArns: roles.roleArns,
        nodeRoleArn: nodes.nodeRoleArn,
        topicArns: notifications.topicArns,
        secretArns: secrets.secretArns,
        certificateArn: edge.certificateArn,
        webAclArn: edge.webAclArn,
        backupVault: backup.vaultName,
    };
};
