import * as pulumi from "@pulumi/pulumi";

/**
 * Options for a resource that holds data (keys, secrets, logs, images, buckets, vaults):
 * in prod it is protected and retained on delete, so `pulumi destroy` cannot lose data.
 */
export function statefulOptions(protectData: boolean, parent: pulumi.Resource): pulumi.CustomResourceOptions {
    return { parent, protect: protectData, retainOnDelete: protectData };
}
