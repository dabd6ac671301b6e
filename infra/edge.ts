import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface EdgeArgs {
    namePrefix: string;
    domain: string;
    /** With a Route 53 zone a certificate is issued and DNS-validated here. */
    hostedZoneId?: string;
    /** Or an existing ACM certificate is used as is. */
    certificateArn?: string;
    wafEnabled: boolean;
    /** Requests per 5 minutes from one IP before the rate rule blocks it. */
    rateLimitPerIp?: number;
}

const managedRuleGroups = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"];

function visibility(metricName: string) {
    return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/** The ALB's TLS certificate (seed "TLS/HTTPS": ACM) and WAFv2 web ACL (seed enhancement "WAF on ALB"). */
export class Edge extends pulumi.ComponentResource {
    readonly certificateArn: pulumi.Output<string>;
    readonly webAclArn?: pulumi.Output<string>;

    constructor(name: string, args: EdgeArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:Edge", name, {}, opts);
        this.certificateArn = args.certificateArn ? pulumi.output(args.certificateArn) : this.issueCertificate(args, args.hostedZoneId!);
        if (args.wafEnabled) this.webAclArn = this.webAcl(args).arn;
        this.registerOutputs({ certificateArn: this.certificateArn, webAclArn: this.webAclArn });
    }

    private issueCertificate(args: EdgeArgs, zoneId: string): pulumi.Output<string> {
        const certificate = new aws.acm.Certificate(`${args.namePrefix}-tls`, {
            domainName: args.domain,
            validationMethod: "DNS",
        }, { parent: this });
        // One domain, so exactly one validation record: declared up front, visible in the plan.
        const option = certificate.domainValidationOptions.apply(options => options[0]);
        const record = new aws.route53.Record(`${args.namePrefix}-tls-validation`, {
            zoneId,
            name: option.resourceRecordName,
            type: option.resourceRecordType,
            records: [option.resourceRecordValue],
            ttl: 300,
            allowOverwrite: true,
        }, { parent: this });
        const validation = new aws.acm.CertificateValidation(`${args.namePrefix}-tls`, {
            certificateArn: certificate.arn,
            validationRecordFqdns: [record.fqdn],
        }, { parent: this });
        return validation.certificateArn;
    }

    private webAcl(args: EdgeArgs): aws.wafv2.WebAcl {
        const managed = managedRuleGroups.map((ruleGroup, priority) => ({
            name: ruleGroup, priority,
            overrideAction: { none: {} },
            statement: { managedRuleGroupStatement: { vendorName: "AWS", name: ruleGroup } },
            visibilityConfig: visibility(ruleGroup),
        }));
        return new aws.wafv2.WebAcl(`${args.namePrefix}-alb`, {
            scope: "REGIONAL",
            description: "EventSphere ALB: AWS managed common and known-bad-inputs rules, per-IP rate limit",
            defaultAction: { allow: {} },
            rules: [...managed, {
                name: "rate-limit-per-ip", priority: managed.length,
                action: { block: {} },
                statement: { rateBasedStatement: { limit: args.rateLimitPerIp ?? 2000, aggregateKeyType: "IP" } },
                visibilityConfig: visibility("rate-limit-per-ip"),
            }],
            visibilityConfig: visibility(`${args.namePrefix}-alb`),
        }, { parent: this });
    }
}
