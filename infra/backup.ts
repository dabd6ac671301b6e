import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArnBuilder, policyDocument } from "./policy-document";
import { statefulOptions } from "./stateful";

/** EBS volumes carrying this tag are backed up; the MongoDB StorageClass sets it on every volume. */
export const backupSelectionTag = { key: "eventsphere.io/backup", value: "mongodb" };

export interface VolumeBackupArgs {
    namePrefix: string;
    arns: ArnBuilder;
    kmsKeyArn: pulumi.Input<string>;
    retentionDays: number;
    protectData: boolean;
}

/** AWS Backup of the MongoDB EBS volumes: daily, in an encrypted vault (seed "Data Backup"). */
export class VolumeBackup extends pulumi.ComponentResource {
    readonly vaultName: pulumi.Output<string>;

    constructor(name: string, args: VolumeBackupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:VolumeBackup", name, {}, opts);
        const vault = new aws.backup.Vault(`${args.namePrefix}-backup`, {
            name: `${args.namePrefix}-backup`,
            kmsKeyArn: args.kmsKeyArn,
            forceDestroy: !args.protectData,
        }, statefulOptions(args.protectData, this));
        const plan = new aws.backup.Plan(`${args.namePrefix}-daily`, {
            rules: [{
                ruleName: "daily",
                targetVaultName: vault.name,
                schedule: "cron(0 3 * * ? *)",
                lifecycle: { deleteAfter: args.retentionDays },
            }],
        }, { parent: this });
        const role = new aws.iam.Role(`${args.namePrefix}-backup`, {
            assumeRolePolicy: policyDocument([{ Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" }]),
        }, { parent: this });
        const attachment = new aws.iam.RolePolicyAttachment(`${args.namePrefix}-backup`, {
            role: role.name,
            policyArn: args.arns.managedPolicy("service-role/AWSBackupServiceRolePolicyForBackup"),
        }, { parent: this });
        new aws.backup.Selection(`${args.namePrefix}-mongodb-volumes`, {
            planId: plan.id,
            iamRoleArn: role.arn,
            selectionTags: [{ type: "STRINGEQUALS", ...backupSelectionTag }],
        }, { parent: this, dependsOn: [attachment] });
        this.vaultName = vault.name;
        this.registerOutputs({ vaultName: this.vaultName });
    }
}
