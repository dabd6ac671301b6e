/** Kubernetes resource quantities, reduced to comparable numbers (cores, bytes). */
const cpuPattern = /^(\d+(?:\.\d+)?)(m?)$/;
const memoryPattern = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|K|M|G|T)?$/;
const memoryFactors: Record<string, number> = {
    "": 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12,
    Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40,
};

export function parseCpu(quantity: string): number | undefined {
    const match = cpuPattern.exec(quantity);
    if (!match) return undefined;
    return Number(match[1]) / (match[2] === "m" ? 1000 : 1);
}

export function parseMemory(quantity: string): number | undefined {
    const match = memoryPattern.exec(quantity);
    if (!match) return undefined;
    return Number(match[1]) * memoryFactors[match[2] ?? ""];
}
