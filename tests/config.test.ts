import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { ConfigError, parseStackConfig } from "../infra/config";
import { configWith } from "./harness";
import { multiplyServices } from "../tools/bench";
import { loadStackConfig } from "../tools/engine/stack-config";

function problemFor(config: Record<string, string>): string {
    try {
        parseStackConfig(config);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        return (e as Error).message;
    }
    assert.fail("the config was accepted");
}

describe("stack configuration", () => {
    it("accepts the committed dev and prod stacks", () => {
        assert.strictEqual(parseStackConfig(configWith("dev", () => undefined)).environment, "dev");
        const prod = parseStackConfig(configWith("prod", () => undefined));
        assert.strictEqual(prod.protectStatefulResources, true);
        assert.strictEqual(prod.cluster.deletionProtection, true);
    });

    const cases: [string, "dev" | "prod", (v: Record<string, any>) => void, RegExp][] = [
        ["a malformed CIDR", "dev", v => { v["eventsphere:network"].vpcCidr = "10.0.0/16"; }, /eventsphere:network\.vpcCidr = "10\.0\.0\/16": must be an IPv4 CIDR/],
        ["0.0.0.0/0 as a public-endpoint CIDR", "dev", v => { v["eventsphere:cluster"].publicEndpointCidrs = ["0.0.0.0/0"]; }, /cluster\.publicEndpointCidrs\[0\] = "0\.0\.0\.0\/0": 0\.0\.0\.0\/0 would open the API server/],
        ["one AZ in prod", "prod", v => { v["eventsphere:network"].azCount = 1; }, /network\.azCount = 1: prod needs at least 2 availability zones/],
        ["one replica in prod", "prod", v => { v["eventsphere:services"][1].replicas = 1; }, /services\[1\]\.replicas = 1: prod needs at least 2 replicas of auth-service/],
        ["a limit below its request", "dev", v => { v["eventsphere:services"][0].memory.limit = "32Mi"; }, /services\[0\]\.memory\.limit = "32Mi": must not be below the request \(64Mi\)/],
        ["an unknown service in talksTo", "dev", v => { v["eventsphere:services"][2].talksTo.push("payment-service"); }, /services\[2\]\.talksTo\[2\] = "payment-service": must name another service or a data store/],
        ["a duplicate service name", "dev", v => { v["eventsphere:services"][2].name = "auth-service"; }, /services\[2\]\.name = "auth-service": duplicate service name/],
        ["a missing required key", "dev", v => { delete v["eventsphere:alertEmail"]; }, /eventsphere:alertEmail = undefined: required key is missing/],
        ["a misspelt key", "dev", v => { v["eventsphere:network"].natStrategie = "single"; }, /eventsphere:network\.natStrategie = "single": unknown key/],
        ["a misspelt top-level key", "dev", v => { v["eventsphere:alertEmial"] = "x@example.com"; }, /eventsphere:alertEmial = "x@example\.com": unknown key/],
        ["a number given as text", "dev", v => { v["eventsphere:network"].azCount = "2"; }, /network\.azCount = "2": Invalid input: expected number, received string/],
        ["the WAF off in prod", "prod", v => { v["eventsphere:edge"].wafEnabled = false; }, /edge\.wafEnabled = false: the WAF may be switched off only outside prod/],
        ["a 'latest' image tag", "dev", v => { v["eventsphere:services"][0].image.tag = "latest"; }, /services\[0\]\.image\.tag = "latest": 'latest' is not allowed/],
        ["a Kubernetes version without pinned add-ons", "dev", v => { v["eventsphere:cluster"].kubernetesVersion = "1.28"; }, /cluster\.kubernetesVersion = "1\.28": must be a version whose add-ons are pinned/],
    ];
    for (const [what, stack, change, message] of cases) {
        it(`refuses ${what}, naming key, value and rule`, () => {
            assert.match(problemFor(configWith(stack, change)), message);
        });
    }

    it("reports a user's mistake without a stack trace", () => {
        let error: unknown;
        try { parseStackConfig({}); } catch (e) { error = e; }
        assert.ok(pulumi.RunError.isInstance(error), "pulumi prints a RunError's message without a stack trace");
    });
});

describe("benchmark catalog", () => {
    it("ten copies of the prod catalog form a valid stack, each copy talking only to itself and the data stores", () => {
        const config = parseStackConfig(multiplyServices(loadStackConfig("prod"), 10));
        assert.strictEqual(config.services.length, 50);
        const names = new Set(config.services.map(s => s.name));
        assert.strictEqual(names.size, 50);
        const copy3 = config.services.find(s => s.name === "booking-service-3")!;
        assert.deepStrictEqual(copy3.talksTo, ["mongodb", "auth-service-3", "event-service-3"]);
    });
});
