import { resourcePolicy } from "./lib/define";

/** Seed "Volume Encryption": all EBS volumes encrypted at rest. */
export const awsEbsVolumeEncrypted = resourcePolicy({
    name: "aws-ebs-volume-encrypted",
    description: "EBS volumes are encrypted (seed: Node Security, Volume Encryption)",
    types: ["aws:ebs/volume:Volume"],
    check: (volume, report) => { if (volume.encrypted !== true) report("encrypted must be true"); },
});
