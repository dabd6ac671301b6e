/** The labels every EventSphere pod carries; network policies and monitors select on them. */
export const partOf = "eventsphere";

export function appLabels(name: string): Record<string, string> {
    return { "app.kubernetes.io/name": name, "app.kubernetes.io/part-of": partOf };
}

/** Selects the pods of one workload (the stable subset of its labels). */
export function selectorOf(name: string): Record<string, string> {
    return { "app.kubernetes.io/name": name };
}
