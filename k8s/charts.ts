import * as pulumi from "@pulumi/pulumi";

/**
 * Every Helm chart the platform installs, pinned. Versions checked against each chart's repository
 * (Chart.yaml and values.yaml) as of 2026-08; bump deliberately, reading the chart's changelog.
 */
export const charts = {
    externalSecrets: { chart: "external-secrets", version: "2.9.0", repo: "https://charts.external-secrets.io" },
    loadBalancerController: { chart: "aws-load-balancer-controller", version: "3.5.0", repo: "https://aws.github.io/eks-charts" },
    fluentBit: { chart: "aws-for-fluent-bit", version: "0.2.0", repo: "https://aws.github.io/eks-charts" },
    prometheusStack: { chart: "kube-prometheus-stack", version: "88.5.3", repo: "https://prometheus-community.github.io/helm-charts" },
    policyController: { chart: "policy-controller", version: "0.10.6", repo: "https://sigstore.github.io/helm-charts" },
} as const;

export type ChartName = keyof typeof charts;

/** The Chart v4 arguments that name a pinned chart. */
export function chartSource(name: ChartName) {
    const { chart, version, repo } = charts[name];
    return { chart, version, repositoryOpts: { repo } };
}

/** A chart's `serviceAccount` values: created by the chart, named, and bound to its IRSA role. */
export function irsaServiceAccount(name: string, roleArn: pulumi.Input<string>) {
    return { create: true, name, annotations: { "eks.amazonaws.com/role-arn": roleArn } };
}
