import { PolicyPack } from "@pulumi/policy";

new PolicyPack("noop-policy-pack", {
    policies: [{
        name: "noop",
        description: "Reads nothing, reports nothing",
        enforcementLevel: "advisory",
        validateResource: () => undefined,
    }],
});
