/** IPv4 CIDR checks used by config validation. */
const cidrPattern = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

export function isIpv4Cidr(value: string): boolean {
    const match = cidrPattern.exec(value);
    if (!match) return false;
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    return octets.every(o => o <= 255) && prefix <= 32;
}

/** True when the CIDR admits the whole internet. */
export function isOpenToWorld(cidr: string): boolean {
    return cidr === "0.0.0.0/0" || cidr === "::/0";
}
