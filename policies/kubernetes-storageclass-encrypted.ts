import { resourcePolicy } from "./lib/define";

/** Seed "Encryption at Rest": EBS volumes made by the CSI driver are encrypted. */
export const kubernetesStorageclassEncrypted = resourcePolicy({
    name: "kubernetes-storageclass-encrypted",
    description: "StorageClasses of the EBS CSI driver set parameters.encrypted: \"true\" (seed: Volume Encryption)",
    types: ["kubernetes:storage.k8s.io/v1:StorageClass"],
    check: (sc, report) => {
        if (sc.provisioner === "ebs.csi.aws.com" && sc.parameters?.encrypted !== "true") {
            report(`StorageClass ${sc.metadata?.name}: parameters.encrypted must be "true"`);
        }
    },
});
