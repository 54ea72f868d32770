import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

// Address ranges for settings such as STS_TRUSTED_PROXIES: a comma-separated list of CIDR
// ranges ("10.0.0.0/8, fd00::/8"); a bare address is a range of one.

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
export type CidrRange = [IpAddress, number];

export type CidrListResult = { ok: true; ranges: CidrRange[] } | { ok: false; error: string };

/** Parses the list, or names the first entry that is not an address or CIDR range. */
export function parseCidrList(text: string): CidrListResult {
  const ranges: CidrRange[] = [];
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;
    const range = parseRange(entry);
    if (!range) {
      return {
        ok: false,
        error: `"${entry}" is not an IP address or CIDR range (examples: 10.0.0.0/8, 192.0.2.7, fd00::/8)`,
      };
    }
    ranges.push(range);
  }
  return { ok: true, ranges };
}

function parseRange(entry: string): CidrRange | null {
  const [addr = "", bits, ...rest] = entry.split("/");
  const kind = isIP(addr);
  if (kind === 0 || rest.length > 0) return null;
  const max = kind === 4 ? 32 : 128;
  const n = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!(n <= max)) return null;
  const net = ipaddr.parse(addr);
  // ::ffff:10.0.0.0/104 is 10.0.0.0/8: addresses are compared after the same unmapping.
  if (net.kind() === "ipv6" && (net as ipaddr.IPv6).isIPv4MappedAddress() && n >= 96) {
    return [(net as ipaddr.IPv6).toIPv4Address(), n - 96];
  }
  return [net, n];
}

/**
 * A strictly written address (dotted quad or IPv6, as a socket or a proxy reports it),
 * IPv4-mapped IPv6 turned into IPv4; null for anything else. Accepts the "[v6]:port" and
 * "v4:port" forms some proxies write into X-Forwarded-For.
 */
export function parseAddress(text: string): IpAddress | null {
  let s = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed?.[1]) s = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%.*$/, ""); // an IPv6 zone id names a local interface, not the client
  if (isIP(s) === 0) return null;
  return ipaddr.process(s);
}

/** true when the address lies in one of the ranges (IPv4 and IPv6 never match each other). */
export function inRanges(addr: IpAddress, ranges: readonly CidrRange[]): boolean {
  return ranges.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
}
