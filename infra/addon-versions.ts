/**
 * EKS add-on versions, pinned per Kubernetes minor version. Checked against the EKS user guide's
 * version tables (managing-kube-proxy, managing-coredns, managing-vpc-cni) on 2026-12-04; confirm
 * with `aws eks describe-addon-versions --kubernetes-version <v> --addon-name <name>` when adding a row.
 */
export interface AddonVersions {
    "vpc-cni": string;
    "kube-proxy": string;
    coredns: string;
    "aws-ebs-csi-driver": string;
}

export const addonVersionsByKubernetesVersion: Record<string, AddonVersions> = {
    "1.35": {
        "vpc-cni": "v1.20.1-eksbuild.3",
        "kube-proxy": "v1.35.3-eksbuild.2",
        coredns: "v1.13.2-eksbuild.4",
        "aws-ebs-csi-driver": "v1.55.0-eksbuild.1",
    },
    "1.34": {
        "vpc-cni": "v1.20.1-eksbuild.3",
        "kube-proxy": "v1.34.6-eksbuild.2",
        coredns: "v1.13.2-eksbuild.4",
        "aws-ebs-csi-driver": "v1.55.0-eksbuild.1",
    },
};
