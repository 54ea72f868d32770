// Certificate name checks for the policy host (STS-FETCH-3) and for MX hosts (TLS-5).
// Node's default `tls.checkServerIdentity` falls back to the subject CN and accepts
// partial-label wildcards (`mx*.example.com`); RFC 8461 allows neither.

import { normalizeHost } from "./mx-pattern";

/** The dNSName entries of Node's `subjectaltname` string ("DNS:a.example, IP Address:…"). */
export function dnsNamesFromSubjectAltName(subjectaltname: string | undefined): string[] {
  if (!subjectaltname) return [];
  return subjectaltname
    .split(/,\s*/)
    .filter((entry) => entry.startsWith("DNS:"))
    .map((entry) => entry.slice(4).replace(/^"|"$/g, ""));
}

/**
 * Does one SAN dNSName cover `host`? A wildcard is allowed only as the whole leftmost
 * label and covers exactly one label; `*.com`-style wildcards over a single label never match.
 */
export function sanMatchesHost(san: string, host: string): boolean {
  const target = normalizeHost(host);
  if (target === null) return false;
  if (!san.startsWith("*.")) return normalizeHost(san) === target;
  const suffix = normalizeHost(san.slice(2));
  if (suffix === null || !suffix.includes(".")) return false;
  const dot = target.indexOf(".");
  return dot > 0 && target.slice(dot + 1) === suffix;
}

/** STS-FETCH-3 / TLS-5: `host` is covered by at least one SAN dNSName; the CN is never used. */
export const certificateCoversHost = (dnsNames: readonly string[], host: string): boolean =>
  dnsNames.some((san) => sanMatchesHost(san, host));

/**
 * Drop-in for `tls.connect({ checkServerIdentity })`: returns an Error when the peer
 * certificate does not name `host` in a SAN dNSName.
 */
export function strictCheckServerIdentity(
  host: string,
  cert: { subjectaltname?: string },
): Error | undefined {
  const names = dnsNamesFromSubjectAltName(cert.subjectaltname);
  if (certificateCoversHost(names, host)) return undefined;
  const listed = names.length > 0 ? names.join(", ") : "no DNS names";
  return new Error(`The certificate does not cover ${host} (its SAN lists ${listed}).`);
}
