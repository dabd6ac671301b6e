/**
 * The image pipeline's build matrix, from the stacks' service catalogs: one entry per stack and
 * repository. Services build from `services/<repository>`; MongoDB is mirrored from its upstream.
 *   npm run --silent image:matrix   (prints {"include": [...]} for GitHub Actions)
 */
import { parseStackConfig } from "../infra/config";
import { registryHost } from "../k8s/images";
import { runCli } from "./engine/cli";
import { listStacks, loadStackConfig } from "./engine/stack-config";

export interface ImageJob {
    stack: string;
    /** ECR repository under the stack's prefix. */
    repository: string;
    /** `<registry>/<prefix>/<repository>`: where the image is pushed. */
    target: string;
    /** Built from this directory's Dockerfile... */
    context?: string;
    /** ...or copied from this upstream image (scanned and signed like ours). */
    upstream?: string;
}

export function imageJobs(stacks: string[] = listStacks()): ImageJob[] {
    return stacks.flatMap(stack => {
        const config = parseStackConfig(loadStackConfig(stack));
        const target = (repository: string) => `${registryHost(config.accountId, config.region)}/${config.namePrefix}/${repository}`;
        const services = [...new Set(config.services.map(s => s.image.repository))].map(repository => ({ stack, repository, target: target(repository), context: `services/${repository}` }));
        const { repository, tag } = config.mongodb.image;
        return [...services, { stack, repository, target: target(repository), upstream: `docker.io/library/${repository}:${tag ?? "7.0"}` }];
    });
}

if (require.main === module) runCli(async () => { console.log(JSON.stringify({ include: imageJobs() })); return 0; });
