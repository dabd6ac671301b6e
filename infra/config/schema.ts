import { z } from "zod";
import { isIpv4Cidr, isOpenToWorld } from "./cidr";
import { parseCpu, parseMemory } from "./quantities";

/** The data stores a service may name in `talksTo`, besides other services. */
export const dataStores = ["mongodb"] as const;
/** SNS topics a service may publish to. */
export const topicKeys = ["notifications", "alerts"] as const;
/** Secrets Manager secrets a service may receive (synced by External Secrets). */
export const secretKeys = ["mongodb", "jwt", "sns-topics"] as const;
/** CloudWatch Logs accepts only these retention periods. */
const logRetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

const dnsLabel = z.string().regex(/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/, "must be a lower-case DNS label (a-z, 0-9, '-')");
const cidr = z.string().refine(isIpv4Cidr, "must be an IPv4 CIDR such as 10.0.0.0/16");
const roleArn = z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]+$/, "must be an IAM role ARN");
const cpu = z.string().refine(q => parseCpu(q) !== undefined, "must be a CPU quantity such as 250m or 1");
const memory = z.string().refine(q => parseMemory(q) !== undefined, "must be a memory quantity such as 256Mi or 1Gi");
const retention = z.number().int().refine(d => logRetentionDays.includes(d), `must be one of CloudWatch's retention periods: ${logRetentionDays.join(", ")}`);

/** A top-level yes/no key: the engine hands top-level values to the program as text ("true" or "false"). */
const flag = (fallback?: "true" | "false") => (fallback ? z.enum(["true", "false"]).default(fallback) : z.enum(["true", "false"])).transform(v => v === "true");

const image = z.strictObject({
    repository: dnsLabel,
    tag: z.string().regex(/^[\w][\w.-]{0,127}$/).refine(t => t !== "latest", "'latest' is not allowed: pin a version or a digest").optional(),
    digest: z.string().regex(/^sha256:[a-f0-9]{64}$/, "must be sha256:<64 hex digits>").optional(),
}).refine(i => i.tag !== undefined || i.digest !== undefined, "needs a tag or a digest");

const service = z.strictObject({
    name: dnsLabel,
    image,
    port: z.number().int().min(1024, "must be 1024 or above: containers run as non-root").max(65535),
    replicas: z.number().int().min(1),
    runAsUser: z.number().int().min(1, "must not be 0: containers run as non-root").default(1001),
    cpu: z.strictObject({ request: cpu, limit: cpu }),
    memory: z.strictObject({ request: memory, limit: memory }),
    healthPath: z.string().startsWith("/"),
    ingressPath: z.string().startsWith("/").optional(),
    talksTo: z.array(z.string()).default([]),
    publishesTo: z.array(z.enum(topicKeys)).default([]),
    secrets: z.array(z.enum(secretKeys)).default([]),
    writablePaths: z.array(z.string().startsWith("/")).default(["/tmp"]),
});

const nodeGroup = z.strictObject({
    name: dnsLabel,
    instanceTypes: z.array(z.string().regex(/^[a-z0-9]+\.[a-z0-9]+$/, "must be an EC2 instance type such as t3.medium")).min(1),
    capacityType: z.enum(["ON_DEMAND", "SPOT"]).default("ON_DEMAND"),
    minSize: z.number().int().min(0),
    desiredSize: z.number().int().min(0),
    maxSize: z.number().int().min(1),
    diskSizeGiB: z.number().int().min(20).max(16384).default(50),
});

export const stackSchema = z.strictObject({
    environment: z.enum(["dev", "prod"]),
    accountId: z.string().regex(/^\d{12}$/, "must be the 12-digit AWS account ID"),
    region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, "must be an AWS region such as us-east-1"),
    alertEmail: z.email(),
    ownsAccountSecurityServices: flag(),
    network: z.strictObject({
        vpcCidr: cidr,
        azCount: z.number().int().min(1).max(6),
        natStrategy: z.enum(["single", "perAz"]),
        interfaceEndpoints: z.boolean().default(false),
        flowLogRetentionDays: retention.default(30),
    }),
    cluster: z.strictObject({
        kubernetesVersion: z.string().regex(/^1\.\d{2}$/, "must be a Kubernetes minor version such as 1.35").default("1.35"),
        publicEndpointCidrs: z.array(cidr.refine(c => !isOpenToWorld(c), "0.0.0.0/0 would open the API server to the internet: list your own ranges")).default([]),
        adminRoleArn: roleArn,
        deployerRoleArn: roleArn.optional(),
        logRetentionDays: retention.default(7),
        deletionProtection: z.boolean().optional(),
    }),
    nodeGroups: z.array(nodeGroup).min(1),
    services: z.array(service).min(1),
    mongodb: z.strictObject({
        /** Mirrored into the stack's ECR by the image pipeline (scanned, signed), like the services. */
        image: image.default({ repository: "mongo", tag: "7.0" }),
        replicas: z.number().int().min(1),
        storageGiB: z.number().int().min(1),
        cpu: z.strictObject({ request: cpu, limit: cpu }).default({ request: "250m", limit: "1" }),
        memory: z.strictObject({ request: memory, limit: memory }).default({ request: "512Mi", limit: "1Gi" }),
    }),
    edge: z.strictObject({
        domain: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, "must be a DNS name"),
        hostedZoneId: z.string().regex(/^Z[A-Z0-9]+$/).optional(),
        certificateArn: z.string().regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/).optional(),
        wafEnabled: z.boolean().default(true),
    }),
    backup: z.strictObject({
        retentionDays: z.number().int().min(1),
    }),
    /** The services, MongoDB and their ingress. False only for an account's first `pulumi up`, before any image exists. */
    deployApplication: flag("true"),
    /** Pull-request previews and deployments: absent for a stack run by hand (no CI identities, no Pulumi Cloud settings). */
    delivery: z.strictObject({
        repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "must be the GitHub repository as owner/name"),
        pulumiOrganization: z.string().regex(/^[\w.-]+$/, "must be a Pulumi Cloud organization name"),
        /** Deploy with Pulumi Deployments on every push to main; prod is promoted from dev instead. */
        deployOnPush: z.boolean(),
        /** The stack that Pulumi Deployments deploys once this one's deployment succeeded. */
        promotesTo: dnsLabel.optional(),
        /** An account has one OIDC provider per issuer: list those it already has, so they are trusted, not created. */
        existingOidcProviders: z.array(z.enum(["github", "pulumi"])).default([]),
    }).optional(),
    /** Admission of images from this stack's registry only when signed by the image pipeline. */
    imageSigning: z.strictObject({
        /** Reject unsigned images (prod always); otherwise admit them with a warning. */
        enforce: z.boolean().optional(),
        /** A cosign public key (PEM) for key-pair signing; without it, keyless signatures of the repository's image workflow. */
        publicKey: z.string().startsWith("-----BEGIN PUBLIC KEY-----", "must be a PEM public key").optional(),
    }).default({}),
});

export type StackConfigInput = z.input<typeof stackSchema>;
export type ParsedStackConfig = z.output<typeof stackSchema>;
export type TopicKey = (typeof topicKeys)[number];
export type SecretKey = (typeof secretKeys)[number];
