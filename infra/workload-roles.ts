import * as pulumi from "@pulumi/pulumi";
import { kmsKeyUseByAlias } from "./addons";
import { loadBalancerControllerStatements } from "./alb-controller-policy";
import { ecrPullStatements } from "./ecr-access";
import { ServiceConfig, TopicKey } from "./config";
import { IrsaRole, OidcProvider } from "./irsa";
import { LogGroupName } from "./logging";
import { namespaces, serviceAccounts } from "./namespaces";
import { ArnBuilder, Statement } from "./policy-document";

export interface WorkloadRolesArgs {
    namePrefix: string;
    oidc: OidcProvider;
    arns: ArnBuilder;
    services: ServiceConfig[];
    topicArns: Record<TopicKey, string>;
    /** Secrets Manager path prefix of this environment's secrets, e.g. `eventsphere/dev`. */
    secretPrefix: string;
    dataKeyAlias: string;
    logGroups: Record<LogGroupName, string>;
}

/** A role to make: which service account it is for and what it may do. */
interface RoleSpec {
    key: string;
    namespace: string;
    serviceAccount: string;
    statements: Statement[];
}

/** Publishing to our topics, which are encrypted with the data key: SNS needs the publisher's use of it. */
function publishTo(args: WorkloadRolesArgs, topicArns: string[]): Statement[] {
    return [
        { Effect: "Allow", Action: "sns:Publish", Resource: topicArns },
        ...kmsKeyUseByAlias(args.arns, args.dataKeyAlias, { actions: ["kms:GenerateDataKey*", "kms:Decrypt"] }),
    ];
}

function platformRoleSpecs(args: WorkloadRolesArgs): RoleSpec[] {
    const logStreams = (Object.values(args.logGroups)).flatMap(name => [args.arns.regional("logs", `log-group:${name}`), args.arns.regional("logs", `log-group:${name}:*`)]);
    return [
        {
            key: "external-secrets", namespace: namespaces.externalSecrets, serviceAccount: serviceAccounts.externalSecrets,
            statements: [
                {
                    Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                    Resource: args.arns.regional("secretsmanager", `secret:${args.secretPrefix}/*`),
                },
                ...kmsKeyUseByAlias(args.arns, args.dataKeyAlias, { actions: ["kms:Decrypt"] }),
            ],
        },
        {
            key: "fluent-bit", namespace: namespaces.logging, serviceAccount: serviceAccounts.fluentBit,
            statements: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], Resource: logStreams }],
        },
        {
            key: "alertmanager", namespace: namespaces.monitoring, serviceAccount: serviceAccounts.alertmanager,
            statements: publishTo(args, [args.topicArns.alerts]),
        },
        {
            key: "policy-controller", namespace: namespaces.imageVerification, serviceAccount: serviceAccounts.policyController,
            statements: ecrPullStatements(args.arns, args.namePrefix),
        },
        {
            key: "load-balancer-controller", namespace: namespaces.loadBalancerController, serviceAccount: serviceAccounts.loadBalancerController,
            statements: loadBalancerControllerStatements,
        },
    ];
}

/** Services that call AWS get a role; today that is publishing to SNS topics (notification-service). */
function serviceRoleSpecs(args: WorkloadRolesArgs): RoleSpec[] {
    return args.services.filter(s => s.publishesTo.length > 0).map(s => ({
        key: s.name, namespace: namespaces.application, serviceAccount: s.name,
        statements: publishTo(args, s.publishesTo.map(topic => args.topicArns[topic])),
    }));
}

/** IRSA roles for the platform add-ons and the services that call AWS APIs, derived from config data. */
export class WorkloadRoles extends pulumi.ComponentResource {
    /** Role ARN by key: a service name, or external-secrets, fluent-bit, alertmanager, policy-controller, load-balancer-controller. */
    readonly roleArns: Record<string, pulumi.Output<string>> = {};

    constructor(name: string, args: WorkloadRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:WorkloadRoles", name, {}, opts);
        for (const spec of [...platformRoleSpecs(args), ...serviceRoleSpecs(args)]) {
            const role = new IrsaRole(`${args.namePrefix}-${spec.key}`, {
                oidc: args.oidc, namespace: spec.namespace, serviceAccount: spec.serviceAccount, statements: spec.statements,
            }, { parent: this });
            this.roleArns[spec.key] = role.roleArn;
        }
        this.registerOutputs({ roleArns: this.roleArns });
    }
}
