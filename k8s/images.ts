import { ImageConfig } from "../infra/config";

/** The stack's ECR registry host: known from config, so image references are known at preview. */
export function registryHost(accountId: string, region: string): string {
    return `${accountId}.dkr.ecr.${region}.amazonaws.com`;
}

/** `<registry>/<prefix>/<repository>@<digest>` when a digest is configured, else `:<tag>`. */
export function imageReference(registry: string, namePrefix: string, image: ImageConfig): string {
    const repository = `${registry}/${namePrefix}/${image.repository}`;
    return image.digest ? `${repository}@${image.digest}` : `${repository}:${image.tag}`;
}
