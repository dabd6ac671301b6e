import * as pulumi from "@pulumi/pulumi";

/**
 * What the offline engine answers for each resource. In a preview (`preview: true`) a resource's
 * outputs are its inputs and everything it computes is unknown, as in `pulumi preview` of a new stack.
 * Otherwise (as after `pulumi up`) computed outputs get plausible fake values.
 */
export class PlatformMocks implements pulumi.runtime.Mocks {
    private counter = 0;

    constructor(private readonly preview: boolean, private readonly accountId = "111111111111", private readonly region = "us-east-1") {}

    /** Fake ARNs in the stack's own account and region, as the real ones would be. */
    static forStack(preview: boolean, config: Record<string, string>): PlatformMocks {
        return new PlatformMocks(preview, config["eventsphere:accountId"], config["eventsphere:region"]);
    }

    newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
        if (this.preview) return { id: undefined, state: args.inputs };
        const id = `${args.name}-${++this.counter}`;
        const arn = `arn:aws:${args.type.split(/[:/]/)[1] ?? "mock"}:${this.region}:${this.accountId}:${typeof args.inputs.name === "string" ? args.inputs.name : args.name}`;
        return { id, state: { arn, id, name: args.name, ...args.inputs, ...this.computed(args, id) } };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        return args.inputs;
    }

    private computed(args: pulumi.runtime.MockResourceArgs, id: string): Record<string, unknown> {
        const issuer = `oidc.eks.${this.region}.amazonaws.com/id/MOCKISSUER0123456789`;
        switch (args.type) {
            case "eks:index:Cluster":
                return {
                    kubeconfigJson: JSON.stringify({ apiVersion: "v1", kind: "Config", clusters: [], contexts: [], users: [] }),
                    clusterSecurityGroupId: "sg-cluster",
                    eksCluster: { name: args.inputs.name },
                    core: { oidcProvider: { arn: `arn:aws:iam::${this.accountId}:oidc-provider/${issuer}`, url: `https://${issuer}` } },
                };
            case "awsx:ec2:Vpc":
                return { vpcId: "vpc-mock", privateSubnetIds: ["subnet-private-a", "subnet-private-b"], publicSubnetIds: ["subnet-public-a", "subnet-public-b"], routeTables: [{ id: "rtb-a" }, { id: "rtb-b" }] };
            case "aws:ec2/launchTemplate:LaunchTemplate":
                return { latestVersion: 1 };
            case "aws:kms/key:Key":
                return { keyId: id };
            case "aws:ecr/repository:Repository":
                return { repositoryUrl: `${this.accountId}.dkr.ecr.${this.region}.amazonaws.com/${args.inputs.name}` };
            case "aws:acm/certificate:Certificate":
                return { domainValidationOptions: [{ domainName: args.inputs.domainName, resourceRecordName: `_x.${args.inputs.domainName}`, resourceRecordType: "CNAME", resourceRecordValue: "_y.acm-validations.aws" }] };
            case "random:index/randomPassword:RandomPassword":
                return { result: `mock-password-${id}` };
            default:
                return {};
        }
    }
}
