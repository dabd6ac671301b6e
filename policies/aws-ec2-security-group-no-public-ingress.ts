import { ResourceValidationPolicy } from "@pulumi/policy";

const world = ["0.0.0.0/0", "::/0"];
const webPorts = [80, 443];
const loadBalancerTag = "eventsphere.io/load-balancer";

interface Ingress { fromPort?: number; toPort?: number; cidrBlocks?: string[]; ipv6CidrBlocks?: string[]; cidrIpv4?: string; cidrIpv6?: string }

function openToWorld(rule: Ingress): string | undefined {
    return [...(rule.cidrBlocks ?? []), ...(rule.ipv6CidrBlocks ?? []), rule.cidrIpv4, rule.cidrIpv6].find(c => c !== undefined && world.includes(c));
}

function isWebOnly(rule: Ingress): boolean {
    return rule.fromPort === rule.toPort && webPorts.includes(rule.fromPort ?? -1);
}

/** Seed "Security Groups": only the load balancer's group takes 80/443 from the internet. */
export const awsEc2SecurityGroupNoPublicIngress: ResourceValidationPolicy = {
    name: "aws-ec2-security-group-no-public-ingress",
    description: `No security-group ingress from 0.0.0.0/0 or ::/0, except ports 80/443 on a group tagged ${loadBalancerTag}=true (seed: Security Groups)`,
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const check = (rule: Ingress, isLoadBalancer: boolean) => {
            const cidr = openToWorld(rule);
            if (cidr && !(isLoadBalancer && isWebOnly(rule))) reportViolation(`ingress ${rule.fromPort}-${rule.toPort} from ${cidr} is not allowed`);
        };
        const isLoadBalancer = args.props.tags?.[loadBalancerTag] === "true";
        if (args.type === "aws:ec2/securityGroup:SecurityGroup") {
            for (const rule of args.props.ingress ?? []) check(rule, isLoadBalancer);
        } else if (args.type === "aws:ec2/securityGroupRule:SecurityGroupRule" && args.props.type === "ingress") {
            check(args.props, false);
        } else if (args.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") {
            check(args.props, isLoadBalancer);
        }
    },
};
