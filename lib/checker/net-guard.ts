import ipaddr from "ipaddr.js";

export interface AddressVerdict {
  allowed: boolean;
  /** ipaddr.js range name, e.g. "private", "loopback", "carrierGradeNat", "unicast". */
  range: string;
}

const METADATA = new Set(["169.254.169.254", "fd00:ec2::254"]);

/**
 * The checker connects to addresses taken from someone else's DNS, so by default it refuses
 * anything that is not plain global unicast: private, loopback, link-local, CGNAT
 * (100.64/10), cloud metadata, documentation, multicast, NAT64/6to4/Teredo and the rest.
 * `allowPrivate` lifts this for tests and for operators checking an internal lab domain.
 */
export function checkAddress(address: string, allowPrivate: boolean): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, range: "invalid" };
  const parsed = ipaddr.process(address); // unwraps ::ffff:a.b.c.d
  const normal = parsed.toString();
  const range = METADATA.has(normal) ? "metadata" : parsed.range();
  return { allowed: allowPrivate || range === "unicast", range };
}
