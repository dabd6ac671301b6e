import { addonVersionsByKubernetesVersion } from "../addon-versions";
import { parseCpu, parseMemory } from "./quantities";
import { ParsedStackConfig, dataStores } from "./schema";

/** A config value that breaks a rule: the key (dotted path), the value and the rule. */
export interface ConfigProblem {
    key: string;
    value: unknown;
    rule: string;
}

type Rule = (config: ParsedStackConfig) => ConfigProblem[];

const prodNeedsTwoZones: Rule = c =>
    c.environment === "prod" && c.network.azCount < 2
        ? [{ key: "network.azCount", value: c.network.azCount, rule: "prod needs at least 2 availability zones" }]
        : [];

const prodNeedsNatPerZone: Rule = c =>
    c.environment === "prod" && c.network.natStrategy !== "perAz"
        ? [{ key: "network.natStrategy", value: c.network.natStrategy, rule: "prod needs one NAT gateway per AZ (perAz)" }]
        : [];

const prodNeedsReplicas: Rule = c => [
    ...c.services.flatMap((s, i) => c.environment === "prod" && s.replicas < 2
        ? [{ key: `services[${i}].replicas`, value: s.replicas, rule: `prod needs at least 2 replicas of ${s.name}` }]
        : []),
    ...(c.environment === "prod" && c.mongodb.replicas < 3
        ? [{ key: "mongodb.replicas", value: c.mongodb.replicas, rule: "prod needs a 3-member MongoDB replica set" }]
        : []),
];

const limitsCoverRequests: Rule = c => c.services.flatMap((s, i) => {
    const problems: ConfigProblem[] = [];
    if (parseCpu(s.cpu.limit)! < parseCpu(s.cpu.request)!) {
        problems.push({ key: `services[${i}].cpu.limit`, value: s.cpu.limit, rule: `must not be below the request (${s.cpu.request})` });
    }
    if (parseMemory(s.memory.limit)! < parseMemory(s.memory.request)!) {
        problems.push({ key: `services[${i}].memory.limit`, value: s.memory.limit, rule: `must not be below the request (${s.memory.request})` });
    }
    return problems;
});

const serviceNamesUnique: Rule = c => c.services.flatMap((s, i) =>
    c.services.findIndex(other => other.name === s.name) < i
        ? [{ key: `services[${i}].name`, value: s.name, rule: "duplicate service name" }]
        : []);

const talksToKnownPeers: Rule = c => {
    const known = new Set<string>([...c.services.map(s => s.name), ...dataStores]);
    return c.services.flatMap((s, i) => s.talksTo.flatMap((peer, j) => known.has(peer) && peer !== s.name
        ? []
        : [{ key: `services[${i}].talksTo[${j}]`, value: peer, rule: `must name another service or a data store (${[...known].join(", ")})` }]));
};

const nodeGroupSizesOrdered: Rule = c => c.nodeGroups.flatMap((g, i) =>
    g.minSize <= g.desiredSize && g.desiredSize <= g.maxSize
        ? []
        : [{ key: `nodeGroups[${i}].desiredSize`, value: g.desiredSize, rule: `must lie between minSize (${g.minSize}) and maxSize (${g.maxSize})` }]);

const prodKeepsWaf: Rule = c =>
    c.environment === "prod" && !c.edge.wafEnabled
        ? [{ key: "edge.wafEnabled", value: false, rule: "the WAF may be switched off only outside prod" }]
        : [];

const oneCertificateSource: Rule = c =>
    c.edge.certificateArn === undefined && c.edge.hostedZoneId === undefined
        ? [{ key: "edge", value: c.edge, rule: "needs certificateArn (an existing ACM certificate) or hostedZoneId (to issue and DNS-validate one)" }]
        : [];

const addonVersionsPinned: Rule = c => {
    const pinned = Object.keys(addonVersionsByKubernetesVersion);
    return pinned.includes(c.cluster.kubernetesVersion)
        ? []
        : [{ key: "cluster.kubernetesVersion", value: c.cluster.kubernetesVersion, rule: `must be a version whose add-ons are pinned in infra/addon-versions.ts (${pinned.join(", ")})` }];
};

const prodEnforcesSignatures: Rule = c =>
    c.environment === "prod" && c.imageSigning.enforce === false
        ? [{ key: "imageSigning.enforce", value: false, rule: "prod admits only signed images; warn-only is for dev" }]
        : [];

const signerKnown: Rule = c =>
    c.imageSigning.publicKey === undefined && c.delivery === undefined
        ? [{ key: "imageSigning", value: c.imageSigning, rule: "needs publicKey, or delivery.repository so that keyless signatures of its image workflow are trusted" }]
        : [];

/** Seed "Image Signing": what was scanned and signed is a digest; prod runs exactly that. */
const prodPinsDigests: Rule = c => c.environment !== "prod" ? [] : [
    ...c.services.flatMap((s, i) => s.image.digest ? [] : [{ key: `services[${i}].image`, value: s.image, rule: "prod deploys images by digest (the image pipeline's pull request sets it)" }]),
    ...(c.mongodb.image.digest ? [] : [{ key: "mongodb.image", value: c.mongodb.image, rule: "prod deploys images by digest (the image pipeline's pull request sets it)" }]),
];

const prodIsPromoted: Rule = c => [
    ...(c.environment === "prod" && c.delivery?.deployOnPush
        ? [{ key: "delivery.deployOnPush", value: true, rule: "prod deploys only after dev succeeded: set delivery.promotesTo: prod on dev instead" }]
        : []),
    ...(c.delivery?.promotesTo === c.environment
        ? [{ key: "delivery.promotesTo", value: c.delivery.promotesTo, rule: "must name another stack" }]
        : []),
];

export const configRules: Rule[] = [
    addonVersionsPinned,
    prodNeedsTwoZones, prodNeedsNatPerZone, prodNeedsReplicas, limitsCoverRequests, serviceNamesUnique,
    talksToKnownPeers, nodeGroupSizesOrdered, prodKeepsWaf, oneCertificateSource,
    prodEnforcesSignatures, signerKnown, prodIsPromoted, prodPinsDigests,
];
