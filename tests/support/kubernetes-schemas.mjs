// Official Kubernetes (v1.36 OpenAPI) and CRD schemas, from kubernetes-models. ESM-only packages:
// the tests load this module with require(), which Node.js 20.19+ supports for ES modules.
import * as core from "kubernetes-models/v1";
import * as apps from "kubernetes-models/apps/v1";
import * as batch from "kubernetes-models/batch/v1";
import * as policy from "kubernetes-models/policy/v1";
import * as networking from "kubernetes-models/networking.k8s.io/v1";
import * as storage from "kubernetes-models/storage.k8s.io/v1";
import * as autoscaling from "kubernetes-models/autoscaling/v2";
import * as externalSecrets from "@kubernetes-models/external-secrets/external-secrets.io/v1";
import * as monitoring from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";

const groups = {
    v1: core,
    "apps/v1": apps,
    "batch/v1": batch,
    "policy/v1": policy,
    "networking.k8s.io/v1": networking,
    "storage.k8s.io/v1": storage,
    "autoscaling/v2": autoscaling,
    "external-secrets.io/v1": externalSecrets,
    "monitoring.coreos.com/v1": monitoring,
};

/** Throws, naming the object and the failing paths, unless the object matches its kind's schema. */
export function validate(object) {
    const Model = groups[object.apiVersion]?.[object.kind];
    if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
    new Model(object).validate();
}
