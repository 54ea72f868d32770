import ipaddr from "ipaddr.js";
import { inRanges, parseAddress, type CidrRange, type IpAddress } from "@/lib/config/cidr-list";

// Who is asking: the address the public endpoints' limits are keyed by (RPT-DELIV-11).
// Without STS_TRUST_PROXY, X-Forwarded-For is a claim the client writes itself and is
// ignored: the source is the socket peer. With it, each trusted proxy appends the address
// it saw, so the chain is read from the right: the first address that is not a trusted
// proxy is the client, and anything to its left (which that client wrote) is ignored.

export interface AddressTrust {
  trustProxy: boolean;
  trustedProxies: readonly CidrRange[];
}

/** The key used when no address can be told: everyone in that state shares one bucket. */
export const UNKNOWN_SOURCE = "unknown";

/**
 * The client's address for a request whose socket peer is `peer` (null when unknown) and
 * whose X-Forwarded-For header is `xff` (null when absent).
 */
export function clientAddress(
  peer: string | null,
  xff: string | null,
  trust: AddressTrust,
): string {
  const peerAddr = peer === null ? null : parseAddress(peer);
  if (peerAddr === null) return UNKNOWN_SOURCE;
  if (!trust.trustProxy || !inRanges(peerAddr, trust.trustedProxies)) return show(peerAddr);
  const chain = (xff ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let last: IpAddress = peerAddr;
  for (let i = chain.length - 1; i >= 0; i--) {
    const addr = parseAddress(chain[i] ?? "");
    // Not an address: a trusted proxy never writes that, so the client did. One shared
    // key for all of them, never the text itself (which the client could vary).
    if (addr === null) return UNKNOWN_SOURCE;
    if (!inRanges(addr, trust.trustedProxies)) return show(addr);
    last = addr;
  }
  // Every hop is a trusted proxy: the request started inside; the left-most hop is it.
  return show(last);
}

/**
 * The bucket an address is limited in. IPv6 hosts usually get a whole /64, so one
 * client could walk through 2^64 addresses: its /64 is the source.
 */
export function sourceKey(address: string): string {
  const addr = parseAddress(address);
  if (!(addr instanceof ipaddr.IPv6)) return address;
  const parts = addr.parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(":")}::/64`;
}

const show = (a: IpAddress): string =>
  a instanceof ipaddr.IPv6 ? a.toRFC5952String() : a.toString();
