import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

export interface EncryptedStorageClassArgs {
    name: string;
    /** The EBS key, as its alias ARN: known at preview, accepted by EBS wherever a key ID is. */
    kmsKeyAliasArn: string;
    /** Tags every volume gets (AWS Backup selects MongoDB's volumes by tag). */
    volumeTags: Record<string, string>;
}

/**
 * Seed "Encryption at Rest": gp3 volumes of the EBS CSI driver, encrypted with our KMS key,
 * kept when their claim goes (Retain), bound where the pod lands, expandable.
 */
export class EncryptedStorageClass extends pulumi.ComponentResource {
    readonly storageClassName: string;

    constructor(name: string, args: EncryptedStorageClassArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:k8s:EncryptedStorageClass", name, {}, opts);
        this.storageClassName = args.name;
        const tags = Object.entries(args.volumeTags).map(([key, value], i) => [`tagSpecification_${i + 1}`, `${key}=${value}`]);
        new k8s.storage.v1.StorageClass(name, {
            metadata: { name: args.name },
            provisioner: "ebs.csi.aws.com",
            parameters: { type: "gp3", encrypted: "true", kmsKeyId: args.kmsKeyAliasArn, ...Object.fromEntries(tags) },
            reclaimPolicy: "Retain",
            volumeBindingMode: "WaitForFirstConsumer",
            allowVolumeExpansion: true,
        }, { parent: this });
        this.registerOutputs({ storageClassName: this.storageClassName });
    }
}
