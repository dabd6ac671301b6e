import { podPolicy } from "./lib/define";

const ecrRegistry = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\//;

/** Seed "Image Scanning" and "Image Signing": only scanned, pinned images. */
export const kubernetesPodImagePinned = podPolicy({
    name: "kubernetes-pod-image-pinned",
    description: "Images are pinned by digest or come from the stack's own ECR registry, never the 'latest' tag (seed: Image and Supply Chain Security)",
    enforcementLevel: "advisory",
    check: (pod, report) => {
        for (const c of pod.containers) {
            const image: string = c.spec.image ?? "";
            const tag = image.includes("@") ? undefined : image.split("/").pop()!.split(":")[1];
            if (!image.includes("@sha256:") && (tag === undefined || tag === "latest")) report(`${c.label}: image ${image} must name a version tag or a digest, not latest`);
            else if (!image.includes("@sha256:") && !ecrRegistry.test(image)) report(`${c.label}: image ${image} should be pinned by digest or come from the stack's ECR registry`);
        }
    },
});
