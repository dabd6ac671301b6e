import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { SecretKey } from "./config";
import { statefulOptions } from "./stateful";

export interface ApplicationSecretsArgs {
    /** Secrets live under `<secretPrefix>/<key>`, e.g. `eventsphere/dev/jwt`. */
    secretPrefix: string;
    namePrefix: string;
    kmsKeyArn: pulumi.Input<string>;
    topicArns: Record<string, string>;
    protectData: boolean;
}

/** The Secrets Manager path of one application secret. */
export function secretName(secretPrefix: string, key: SecretKey): string {
    return `${secretPrefix}/${key}`;
}

/**
 * Application secrets in AWS Secrets Manager (seed "Secrets Management"): values generated here with
 * @pulumi/random, never in config or git, KMS-encrypted, with a recovery window.
 */
export class ApplicationSecrets extends pulumi.ComponentResource {
    readonly secretArns: Record<SecretKey, pulumi.Output<string>>;
    readonly secretNames: Record<SecretKey, string>;

    constructor(name: string, args: ApplicationSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("eventsphere:infra:ApplicationSecrets", name, {}, opts);
        const password = (purpose: string, length: number) =>
            new random.RandomPassword(`${args.namePrefix}-${purpose}`, { length, special: false }, { parent: this }).result;
        const values: Record<SecretKey, pulumi.Input<string>> = {
            mongodb: pulumi.jsonStringify({
                MONGO_INITDB_ROOT_USERNAME: "eventsphere-admin",
                MONGO_INITDB_ROOT_PASSWORD: password("mongodb-root", 32),
                MONGODB_REPLICA_SET_KEY: password("mongodb-keyfile", 64),
                // The services' own least-privilege user (readWrite on the application database only).
                MONGODB_APP_USERNAME: "eventsphere-app",
                MONGODB_APP_PASSWORD: password("mongodb-app", 32),
            }),
            jwt: pulumi.jsonStringify({ JWT_SECRET: password("jwt", 64) }),
            "sns-topics": JSON.stringify({
                SNS_NOTIFICATIONS_TOPIC_ARN: args.topicArns.notifications,
                SNS_ALERTS_TOPIC_ARN: args.topicArns.alerts,
            }),
        };
        const entries = (Object.keys(values) as SecretKey[]).map(key => {
            const secret = new aws.secretsmanager.Secret(`${args.namePrefix}-${key}`, {
                name: secretName(args.secretPrefix, key),
                kmsKeyId: args.kmsKeyArn,
                recoveryWindowInDays: args.protectData ? 30 : 7,
            }, statefulOptions(args.protectData, this));
            new aws.secretsmanager.SecretVersion(`${args.namePrefix}-${key}`, {
                secretId: secret.id,
                secretString: pulumi.secret(values[key]),
            }, { parent: this });
            return [key, secret.arn] as const;
        });
        this.secretArns = Object.fromEntries(entries) as Record<SecretKey, pulumi.Output<string>>;
        this.secretNames = Object.fromEntries(entries.map(([key]) => [key, secretName(args.secretPrefix, key)])) as Record<SecretKey, string>;
        this.registerOutputs({ secretArns: this.secretArns });
    }
}
