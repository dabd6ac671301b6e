import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { StackConfig } from "../infra/config";
import { chartSource, irsaServiceAccount } from "./charts";
import { WorkloadNamespace } from "./namespace";

/** Who may sign: the repository's image workflow on main (keyless), or the holder of a cosign key. */
export type Signer = { keyless: { repository: string } } | { publicKey: string };

export interface ImageVerificationArgs {
    namespace: WorkloadNamespace;
    /** Images under this prefix (the stack's ECR repositories) must be signed. */
    imagePrefix: string;
    signer: Signer;
    /** `enforce` rejects unsigned images; `warn` admits them with a warning (dev). */
    mode: "enforce" | "warn";
    serviceAccount: string;
    /** Reads signatures from the stack's ECR (IRSA). */
    roleArn: pulumi.Input<string>;
    region: string;
}

/** The configured signer: the key pair's public key, else keyless signatures of the repository's image workflow. */
export function signerOf(config: Pick<StackConfig, "imageSigning" | "delivery">): Signer {
    if (config.imageSigning.publicKey) return { publicKey: config.imageSigning.publicKey };
    // Config validation refuses a stack with neither a public key nor a delivery repository.
    return { keyless: { repository: config.delivery!.repository } };
}

/** The label that opts a namespace into verification. */
export const verificationLabel = { "policy.sigstore.dev/include": "true" };

const restrictedContainer = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } };

/** The ClusterImagePolicy's authority for the configured signer. */
export function authorityOf(signer: Signer) {
    if ("publicKey" in signer) return { name: "cosign-key", key: { data: signer.publicKey, hashAlgorithm: "sha256" } };
    return {
        name: "image-workflow",
        keyless: {
            url: "https://fulcio.sigstore.dev",
            identities: [{
                issuer: "https://token.actions.githubusercontent.com",
                subject: `https://github.com/${signer.keyless.repository}/.github/workflows/images.yml@refs/heads/main`,
            }],
        },
        ctlog: { url: "https://rekor.sigstore.dev" },
    };
}

/**
 * Mandatory signature verification (the seed's future enhancement, shipped): the Sigstore
 * policy-controller (pinned chart) admits images from our registry into labelled namespaces only
 * when signed by the image pipeline. Enforcing in prod, warn-only in dev.
 */
export class ImageVerification extends pulumi.ComponentResource {
    constructor(name: string, args: ImageVerificationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:ImageVerification", name, {}, opts);
        const controller = new k8s.helm.v4.Chart(name, {
            ...chartSource("policyController"),
            namespace: args.namespace.name,
            values: {
                webhook: {
                    serviceAccount: irsaServiceAccount(args.serviceAccount, args.roleArn),
                    env: { AWS_REGION: args.region },
                    // In this chart `securityContext` is the pod's and `podSecurityContext` the container's.
                    securityContext: { enabled: true, runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: "RuntimeDefault" } },
                    podSecurityContext: { enabled: true, ...restrictedContainer },
                },
                leasescleanup: {
                    resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { cpu: "50m", memory: "64Mi" } },
                    podSecurityContext: { enabled: true, ...restrictedContainer },
                },
            },
        }, args.namespace.within(this));

        new k8s.apiextensions.CustomResource(name, {
            apiVersion: "policy.sigstore.dev/v1beta1",
            kind: "ClusterImagePolicy",
            metadata: { name: "eventsphere-signed-images" },
            spec: {
                images: [{ glob: `${args.imagePrefix}/**` }],
                authorities: [authorityOf(args.signer)],
                mode: args.mode,
            },
        }, { parent: this, dependsOn: [controller] });
        this.registerOutputs({});
    }
}
