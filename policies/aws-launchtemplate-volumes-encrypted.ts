import { resourcePolicy } from "./lib/define";

/** Seed "Volume Encryption": node root volumes come from launch-template block devices. */
export const awsLaunchtemplateVolumesEncrypted = resourcePolicy({
    name: "aws-launchtemplate-volumes-encrypted",
    description: "Every EBS block device of a launch template is encrypted with a KMS key (seed: Volume Encryption)",
    types: ["aws:ec2/launchTemplate:LaunchTemplate"],
    check: (template, report) => {
        const devices: any[] = template.blockDeviceMappings ?? [];
        if (devices.length === 0) report("blockDeviceMappings must declare the root volume, encrypted");
        for (const device of devices) {
            if (!device.ebs) continue;
            if (`${device.ebs.encrypted}` !== "true") report(`${device.deviceName}: ebs.encrypted must be "true"`);
            if (!("kmsKeyId" in device.ebs)) report(`${device.deviceName}: ebs.kmsKeyId must name the EBS key`);
        }
    },
});
