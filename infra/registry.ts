import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { statefulOptions } from "./stateful";

export interface ImageRegistryArgs {
    namePrefix: string;
    repositories: string[];
    kmsKeyArn: pulumi.Input<string>;
    protectData: boolean;
    /** Untagged images expire after this many days; tagged ones are kept up to `keepImages`. */
    untaggedExpiryDays?: number;
    keepImages?: number;
}

/** One ECR repository per service image: scan on push, immutable tags, KMS, lifecycle (seed "Image Scanning"). */
export class ImageRegistry extends pulumi.ComponentResource {
    readonly repositoryUrls: Record<string, pulumi.Output<string>> = {};

    constructor(name: string, args: ImageRegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:ImageRegistry", name, {}, opts);
        const lifecyclePolicy = JSON.stringify({
            rules: [
                { rulePriority: 1, description: "Expire untagged images", selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: args.untaggedExpiryDays ?? 14 }, action: { type: "expire" } },
                { rulePriority: 2, description: "Keep the newest images", selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: args.keepImages ?? 50 }, action: { type: "expire" } },
            ],
        });
        for (const repository of args.repositories) {
            const repo = new aws.ecr.Repository(`${args.namePrefix}-${repository}`, {
                name: `${args.namePrefix}/${repository}`,
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArn }],
                forceDelete: !args.protectData,
            }, statefulOptions(args.protectData, this));
            new aws.ecr.LifecyclePolicy(`${args.namePrefix}-${repository}`, { repository: repo.name, policy: lifecyclePolicy }, { parent: this });
            this.repositoryUrls[repository] = repo.repositoryUrl;
        }
        this.registerOutputs({ repositoryUrls: this.repositoryUrls });
    }
}
