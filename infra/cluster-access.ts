import { ciRoleNames } from "./ci-identities";
import { ClusterAccess } from "./cluster";
import { StackConfig } from "./config";
import { ArnBuilder } from "./policy-document";

/**
 * Who may use the cluster's Kubernetes API: the platform admins, an optional deployer, and with CI
 * identities, Pulumi Deployments (admin) and pull-request previews (read-only).
 */
export function clusterAccessEntries(config: Pick<StackConfig, "cluster" | "namePrefix">, arns: ArnBuilder, withCi: boolean): ClusterAccess[] {
    const role = (name: string) => arns.global("iam", `role/${name}`);
    const ci = ciRoleNames(config.namePrefix);
    return [
        { name: "platformAdmin", principalArn: config.cluster.adminRoleArn, level: "admin" },
        ...(config.cluster.deployerRoleArn ? [{ name: "deployer", principalArn: config.cluster.deployerRoleArn, level: "admin" as const }] : []),
        ...(withCi ? [
            { name: "pulumiDeployments", principalArn: role(ci.deploy), level: "admin" as const },
            { name: "pullRequestPreview", principalArn: role(ci.preview), level: "view" as const },
        ] : []),
    ];
}
