import { resourcePolicy } from "./lib/define";

/** Seed "SSH Access: Disabled on all worker nodes"; disks governed by a launch template. */
export const awsEksNodegroupNoRemoteAccess = resourcePolicy({
    name: "aws-eks-nodegroup-no-remote-access",
    description: "Managed node groups have no remoteAccess (SSH) and take their encrypted disks from a launch template (seed: Node Security)",
    types: ["aws:eks/nodeGroup:NodeGroup"],
    check: (group, report) => {
        if ("remoteAccess" in group) report("remoteAccess (SSH) must not be configured");
        if (!("launchTemplate" in group)) report("launchTemplate must be set, so the root volume is encrypted and IMDSv2 enforced");
        if ("diskSize" in group) report("diskSize must not be used: the launch template's encrypted volume sets the size");
    },
});
