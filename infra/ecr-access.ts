import { ArnBuilder, Statement } from "./policy-document";

/** ECR issues registry tokens account-wide: this action has no resource-level scope. */
const registryLogin: Statement = { Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" };

const repositoriesOf = (arns: ArnBuilder, namePrefix: string) => arns.regional("ecr", `repository/${namePrefix}/*`);

/** Read images and their signatures from this stack's repositories. */
export function ecrPullStatements(arns: ArnBuilder, namePrefix: string): Statement[] {
    return [registryLogin, {
        Effect: "Allow",
        Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability", "ecr:DescribeImages"],
        Resource: repositoriesOf(arns, namePrefix),
    }];
}

/** Push images (and cosign signatures, which are images too) to this stack's repositories. */
export function ecrPushStatements(arns: ArnBuilder, namePrefix: string): Statement[] {
    return [...ecrPullStatements(arns, namePrefix), {
        Effect: "Allow",
        Action: ["ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:DescribeImageScanFindings"],
        Resource: repositoriesOf(arns, namePrefix),
    }];
}
