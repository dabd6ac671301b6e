/** Namespaces and service accounts shared by the AWS side (IRSA trust) and the Kubernetes side. */
export const namespaces = {
    application: "eventsphere",
    externalSecrets: "external-secrets",
    logging: "logging",
    monitoring: "monitoring",
    loadBalancerController: "kube-system",
    imageVerification: "cosign-system",
} as const;

export const serviceAccounts = {
    externalSecrets: "external-secrets",
    fluentBit: "fluent-bit",
    alertmanager: "alertmanager",
    loadBalancerController: "aws-load-balancer-controller",
    policyController: "policy-controller",
} as const;
