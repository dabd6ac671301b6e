import { Statement } from "./policy-document";

/**
 * The AWS Load Balancer Controller's published IAM policy (kubernetes-sigs/aws-load-balancer-controller,
 * docs/install/iam_policy.json), as typed statements. Its `*` resources are where the EC2 and ELB APIs
 * offer nothing narrower; mutations are fenced by the controller's cluster tags.
 */
const ingressTag = "ingress.k8s.aws/cluster";
const serviceTag = "service.k8s.aws/cluster";
const loadBalancers = "arn:aws:elasticloadbalancing:*:*:loadbalancer/*";

const describe: Statement = {
    Effect: "Allow", Resource: "*",
    Action: [
        "iam:CreateServiceLinkedRole",
        ...["DescribeAccountAttributes", "DescribeAddresses", "DescribeAvailabilityZones", "DescribeInternetGateways", "DescribeVpcs",
            "DescribeVpcPeeringConnections", "DescribeSubnets", "DescribeSecurityGroups", "DescribeInstances", "DescribeNetworkInterfaces",
            "DescribeTags", "DescribeRouteTables", "GetCoipPoolUsage", "DescribeCoipPools", "GetSecurityGroupsForVpc", "DescribeIpamPools"].map(a => `ec2:${a}`),
        ...["DescribeLoadBalancers", "DescribeLoadBalancerAttributes", "DescribeListeners", "DescribeListenerCertificates", "DescribeSSLPolicies",
            "DescribeRules", "DescribeTargetGroups", "DescribeTargetGroupAttributes", "DescribeTargetHealth", "DescribeTags", "DescribeTrustStores",
            "DescribeListenerAttributes", "DescribeCapacityReservation"].map(a => `elasticloadbalancing:${a}`),
    ],
};

const integrations: Statement = {
    Effect: "Allow", Resource: "*",
    Action: [
        "cognito-idp:DescribeUserPoolClient", "acm:ListCertificates", "acm:DescribeCertificate", "iam:ListServerCertificates", "iam:GetServerCertificate",
        "waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL",
        "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL",
        "shield:GetSubscriptionState", "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection",
    ],
};

const tagged = (tag: string) => ({ Null: { [`aws:ResourceTag/${tag}`]: "false" } });
const retagging = (tag: string) => ({ Null: { [`aws:RequestTag/${tag}`]: "true", [`aws:ResourceTag/${tag}`]: "false" } });
const modifyOwned = ["ModifyLoadBalancerAttributes", "SetIpAddressType", "SetSecurityGroups", "SetSubnets", "DeleteLoadBalancer", "ModifyTargetGroup",
    "ModifyTargetGroupAttributes", "RegisterTargets", "DeregisterTargets", "DeleteTargetGroup", "ModifyListenerAttributes", "ModifyCapacityReservation",
    "ModifyIpPools"].map(a => `elasticloadbalancing:${a}`);

export const loadBalancerControllerStatements: Statement[] = [
    describe,
    integrations,
    { Effect: "Allow", Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"], Resource: "*" },
    { Effect: "Allow", Action: "ec2:CreateSecurityGroup", Resource: "*" },
    {
        Effect: "Allow", Action: "ec2:CreateTags", Resource: "arn:aws:ec2:*:*:security-group/*",
        Condition: { StringEquals: { "ec2:CreateAction": "CreateSecurityGroup" }, Null: { [`aws:RequestTag/${ingressTag}`]: "false" } },
    },
    { Effect: "Allow", Action: ["ec2:CreateTags", "ec2:DeleteTags"], Resource: "arn:aws:ec2:*:*:security-group/*", Condition: retagging(ingressTag) },
    { Effect: "Allow", Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"], Resource: "*", Condition: tagged(ingressTag) },
    {
        Effect: "Allow", Action: ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"], Resource: "*",
        Condition: { Null: { [`aws:RequestTag/${ingressTag}`]: "false" } },
    },
    {
        Effect: "Allow", Resource: "*",
        Action: ["CreateListener", "DeleteListener", "CreateRule", "DeleteRule"].map(a => `elasticloadbalancing:${a}`),
    },
    { Effect: "Allow", Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"], Resource: [loadBalancers, "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*"], Condition: retagging(ingressTag) },
    { Effect: "Allow", Action: ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"], Resource: [loadBalancers, "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*"], Condition: retagging(serviceTag) },
    { Effect: "Allow", Action: modifyOwned, Resource: "*", Condition: tagged(ingressTag) },
    { Effect: "Allow", Action: modifyOwned, Resource: "*", Condition: tagged(serviceTag) },
    {
        Effect: "Allow", Action: "elasticloadbalancing:AddTags", Resource: [loadBalancers, "arn:aws:elasticloadbalancing:*:*:targetgroup/*/*"],
        Condition: { StringEquals: { "elasticloadbalancing:CreateAction": ["CreateTargetGroup", "CreateLoadBalancer"] }, Null: { [`aws:RequestTag/${ingressTag}`]: "false" } },
    },
    {
        Effect: "Allow", Resource: "*",
        Action: ["ModifyListener", "AddListenerCertificates", "RemoveListenerCertificates", "ModifyRule", "SetRulePriorities", "SetWebAcl"].map(a => `elasticloadbalancing:${a}`),
    },
];
