import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, Statement } from "./policy-document";

/** What a role may do: an inline policy of typed statements, and AWS managed policies by ARN. */
export interface RolePermissions {
    statements?: Statement[];
    managedPolicyArns?: string[];
}

/** Gives a role its permissions, as children of `parent` named after `name`. */
export function grantPermissions(name: string, role: aws.iam.Role, permissions: RolePermissions, parent: pulumi.Resource): void {
    if (permissions.statements?.length) {
        new aws.iam.RolePolicy(name, { role: role.id, policy: policyDocument(permissions.statements) }, { parent });
    }
    for (const policyArn of permissions.managedPolicyArns ?? []) {
        new aws.iam.RolePolicyAttachment(`${name}-${policyArn.split("/").pop()}`, { role: role.name, policyArn }, { parent });
    }
}
