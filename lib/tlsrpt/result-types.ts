// Result types (RFC 8460 §4.3, IANA "STARTTLS Validation Result Types") and the dashboard
// bucket each one is shown under, from the spec's §10.3 table.
import type { FailureBucket } from "./types";

const BUCKETS: ReadonlyMap<string, FailureBucket> = new Map<string, FailureBucket>([
  ["starttls-not-supported", "MX TLS"],
  ["certificate-host-mismatch", "MX certificate"],
  ["certificate-expired", "MX certificate"],
  ["certificate-not-trusted", "MX certificate"],
  // §10.3 says "MX TLS / other": it is the catch-all for TLS negotiation failures.
  ["validation-failure", "MX TLS"],
  ["tlsa-invalid", "DANE"],
  ["dnssec-invalid", "DANE"],
  ["dane-required", "DANE"],
  ["sts-policy-fetch-error", "Policy host"],
  ["sts-policy-invalid", "Policy content"],
  ["sts-webpki-invalid", "Policy host"],
]);

export const KNOWN_RESULT_TYPES: readonly string[] = [...BUCKETS.keys()];

/** RPT-JSON-10: unknown (newer) result types are kept verbatim and shown as "other". */
export function bucketFor(resultType: string): FailureBucket {
  return BUCKETS.get(resultType) ?? "other";
}

export const KNOWN_POLICY_TYPES: readonly string[] = ["sts", "tlsa", "no-policy-found"];
