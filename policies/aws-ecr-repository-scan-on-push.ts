import { resourcePolicy } from "./lib/define";

/** Seed "ECR Scanning: Automatic vulnerability scanning on push"; immutable tags keep scans meaningful. */
export const awsEcrRepositoryScanOnPush = resourcePolicy({
    name: "aws-ecr-repository-scan-on-push",
    description: "ECR repositories scan on push and have immutable tags (seed: Image Scanning)",
    types: ["aws:ecr/repository:Repository"],
    check: (repo, report) => {
        if (repo.imageScanningConfiguration?.scanOnPush !== true) report("imageScanningConfiguration.scanOnPush must be true");
        if (repo.imageTagMutability !== "IMMUTABLE") report(`imageTagMutability must be IMMUTABLE (is ${repo.imageTagMutability ?? "MUTABLE by default"})`);
    },
});
