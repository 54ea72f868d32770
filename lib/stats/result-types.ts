import { bucketFor } from "@/lib/tlsrpt/result-types";
import { OTHER_RESULT_COLOR, RESULT_TYPE_COLORS } from "./chart-palette";

// Plain words for each result type (spec §10.3), for chart legends and drill-downs.
const WORDS: Record<string, string> = {
  "starttls-not-supported": "The MX did not offer or complete STARTTLS.",
  "certificate-host-mismatch": "The MX certificate does not name the host the policy requires.",
  "certificate-expired": "The MX certificate has expired.",
  "certificate-not-trusted":
    "The MX certificate chain is not trusted (unknown CA, broken chain, …).",
  "validation-failure": "Another TLS failure (see the reason code).",
  "tlsa-invalid": "DANE: none of the TLSA records matched.",
  "dnssec-invalid": "DANE: the resolver returned no validatable records.",
  "dane-required": "DANE was required but no validated TLSA records were found.",
  "sts-policy-fetch-error":
    "The sender could not fetch the MTA-STS policy (host down, not 200, timeout, …).",
  "sts-policy-invalid": "The fetched MTA-STS policy did not validate.",
  "sts-webpki-invalid": "The policy host's certificate failed validation.",
};

/** RPT-JSON-10: a type we do not know is shown as "other", its name kept verbatim. */
export function explainResultType(resultType: string): string {
  return WORDS[resultType] ?? `Other (${resultType}): a result type newer than our list.`;
}

export function resultTypeColor(resultType: string): string {
  return RESULT_TYPE_COLORS[resultType] ?? OTHER_RESULT_COLOR;
}

export function resultTypeGroup(resultType: string): string {
  return bucketFor(resultType);
}

const RANK = new Map(Object.keys(WORDS).map((t, i) => [t, i]));

/** Known types first in §10.3 order, then unknown ones alphabetically. */
export function sortResultTypes(types: Iterable<string>): string[] {
  const rank = (t: string) => RANK.get(t) ?? RANK.size;
  return [...new Set(types)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
