import { reason, type Reason, type ReasonKey } from "./reason-text";
import type { FailureSide, ReadinessInput, ReasonedRef } from "./types";

// Issue 15 item 4: whose failure is it? Each result type (spec §10.3) is put on our side
// (the MX's STARTTLS or certificate, the policy host or body), the sender's side (its
// DANE or trust store while nothing of ours is involved), or unknown. Sender-side failures
// are shown and explained but do not block enforce; unknown ones block, as before.

const DANE = ["tlsa-invalid", "dnssec-invalid", "dane-required"];
// Maps, not objects: a result type a reporter made up ("constructor") finds no entry.
const MX_TLS = new Map<string, ReasonKey>([
  ["starttls-not-supported", "side.starttls"],
  ["certificate-host-mismatch", "side.certHostMismatch"],
  ["certificate-expired", "side.certExpired"],
  ["certificate-not-trusted", "side.certNotTrusted"],
]);
const POLICY = new Map<string, ReasonKey>([
  ["sts-policy-fetch-error", "side.policyFetch"],
  ["sts-policy-invalid", "side.policyInvalid"],
  ["sts-webpki-invalid", "side.policyWebpki"],
]);
/** A reason code that names the sender's own trust store (not our certificate). */
const SENDER_TRUST_STORE = /trust[\s_-]?store|ca[\s_-]?(bundle|store)|root[\s_-]?store/i;

/** DANE-2: does any current MX publish TLSA records? From the checker's CHK-MX-10; null: unknown. */
export function tlsaPublished(input: Pick<ReadinessInput, "check">): boolean | null {
  const dane = (input.check?.report.results ?? []).filter((r) => r.id === "CHK-MX-10");
  if (dane.some((r) => r.title === "DANE TLSA records present")) return true;
  if (dane.length > 0 && dane.every((r) => r.title === "No DANE TLSA records")) return false;
  return null;
}

/** The failure's side, and why (English, with its "readinessReasons" ref "side.*"). */
export function classifyFailure(
  resultType: string,
  reasonCode: string | null,
  tlsa: boolean | null,
): { side: FailureSide; why: string; whyRef: ReasonedRef } {
  const on = (side: FailureSide, r: Reason) => ({ side, why: r.text, whyRef: r.ref });
  const type = { type: resultType };
  if (DANE.includes(resultType)) {
    if (tlsa === false) return on("sender", reason("side.daneNoTlsa", type));
    if (tlsa === true) return on("ours", reason("side.daneTlsaInvalid", type));
    return on("unknown", reason("side.daneUnknown", type));
  }
  if (reasonCode && SENDER_TRUST_STORE.test(reasonCode) && MX_TLS.has(resultType))
    return on("sender", reason("side.senderTrustStore", { reason: reasonCode }));
  const ours = MX_TLS.get(resultType) ?? POLICY.get(resultType);
  if (ours) return on("ours", reason(ours));
  if (resultType === "validation-failure")
    return on(
      "unknown",
      reason("side.catchAll", { hasReason: reasonCode ? "yes" : "no", reason: reasonCode ?? "" }),
    );
  return on("unknown", reason("side.unknownType", type));
}
