/**
 * Pins a stack's images to the digests the image pipeline pushed, signed and verified, editing
 * `Pulumi.<stack>.yaml` in place (comments kept). The pipeline then opens a pull request with it.
 *   npm run set:image-digests -- --stack <dev|prod> <repository>=<sha256:...> ...
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import * as YAML from "yaml";
import { runCli } from "./engine/cli";
import { InputFileError } from "./engine/manifests";
import { projectRoot } from "./engine/stack-config";

const digestPattern = /^sha256:[a-f0-9]{64}$/;

/** Sets `image.digest` (and drops `image.tag`) for every service, and MongoDB, using a given repository. */
export function pinDigests(stackFile: string, digests: Record<string, string>): string {
    const document = YAML.parseDocument(stackFile);
    const images = [
        ...((document.getIn(["config", "eventsphere:services"]) as YAML.YAMLSeq<YAML.YAMLMap>)?.items ?? []).map(s => s.get("image") as YAML.YAMLMap),
        document.getIn(["config", "eventsphere:mongodb", "image"]) as YAML.YAMLMap | undefined,
    ].filter((image): image is YAML.YAMLMap => image !== undefined);
    for (const image of images) {
        const digest = digests[String(image.get("repository"))];
        if (!digest) continue;
        image.set("digest", digest);
        image.delete("tag");
    }
    return document.toString({ flowCollectionPadding: false, lineWidth: 0 });
}

export function parseDigestArguments(args: string[]): Record<string, string> {
    return Object.fromEntries(args.map(arg => {
        const [repository, digest] = arg.split("=");
        if (!repository || !digestPattern.test(digest ?? "")) throw new InputFileError(`${arg}: expected <repository>=sha256:<64 hex digits>`);
        return [repository, digest];
    }));
}

if (require.main === module) {
    runCli(async () => {
        const { values, positionals } = parseArgs({ options: { stack: { type: "string" } }, allowPositionals: true });
        if (!values.stack || positionals.length === 0) {
            console.error("usage: npm run set:image-digests -- --stack <dev|prod> <repository>=<sha256:...> ...");
            return 2;
        }
        const file = path.join(projectRoot, `Pulumi.${values.stack}.yaml`);
        fs.writeFileSync(file, pinDigests(fs.readFileSync(file, "utf8"), parseDigestArguments(positionals)));
        return 0;
    });
}
