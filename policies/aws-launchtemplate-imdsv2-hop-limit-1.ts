import { resourcePolicy } from "./lib/define";

/** IMDSv2 only, and one hop: pods (one hop further) cannot reach the node's credentials. */
export const awsLaunchtemplateImdsv2HopLimit1 = resourcePolicy({
    name: "aws-launchtemplate-imdsv2-hop-limit-1",
    description: "Launch templates require IMDSv2 (httpTokens: required) with httpPutResponseHopLimit 1 (seed: Node Security; EKS best practices)",
    types: ["aws:ec2/launchTemplate:LaunchTemplate"],
    check: (template, report) => {
        const metadata = template.metadataOptions ?? {};
        if (metadata.httpTokens !== "required") report(`metadataOptions.httpTokens must be "required" (is ${metadata.httpTokens ?? "unset"})`);
        if (metadata.httpPutResponseHopLimit !== 1) report(`metadataOptions.httpPutResponseHopLimit must be 1 (is ${metadata.httpPutResponseHopLimit ?? "unset"})`);
    },
});
