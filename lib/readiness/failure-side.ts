import type { ReadinessInput } from "./types";
import type { FailureSide } from "./types";

// Issue 15 item 4: whose failure is it? Each result type (spec §10.3) is put on our side
// (the MX's STARTTLS or certificate, the policy host or body), the sender's side (its
// DANE or trust store while nothing of ours is involved), or unknown. Sender-side failures
// are shown and explained but do not block enforce; unknown ones block, as before.

const DANE = ["tlsa-invalid", "dnssec-invalid", "dane-required"];
const MX_TLS: Record<string, string> = {
  "starttls-not-supported": "the MX did not offer or complete STARTTLS",
  "certificate-host-mismatch": "the MX certificate does not name the host",
  "certificate-expired": "the MX certificate has expired",
  "certificate-not-trusted": "the MX certificate chain is not trusted",
};
const POLICY: Record<string, string> = {
  "sts-policy-fetch-error": "the policy host could not be reached or did not serve the policy",
  "sts-policy-invalid": "the policy body did not validate",
  "sts-webpki-invalid": "the policy host's certificate failed validation",
};
/** A reason code that names the sender's own trust store (not our certificate). */
const SENDER_TRUST_STORE = /trust[\s_-]?store|ca[\s_-]?(bundle|store)|root[\s_-]?store/i;

/** DANE-2: does any current MX publish TLSA records? From the checker's CHK-MX-10; null: unknown. */
export function tlsaPublished(input: Pick<ReadinessInput, "check">): boolean | null {
  const dane = (input.check?.report.results ?? []).filter((r) => r.id === "CHK-MX-10");
  if (dane.some((r) => r.title === "DANE TLSA records present")) return true;
  if (dane.length > 0 && dane.every((r) => r.title === "No DANE TLSA records")) return false;
  return null;
}

export function classifyFailure(
  resultType: string,
  reasonCode: string | null,
  tlsa: boolean | null,
): { side: FailureSide; why: string } {
  if (DANE.includes(resultType)) {
    if (tlsa === false)
      return {
        side: "sender",
        why: `${resultType} while the domain publishes no TLSA records (CHK-MX-10): the sender's own DANE/DNSSEC problem, not a reason to hold back enforce`,
      };
    if (tlsa === true)
      return {
        side: "ours",
        why: `${resultType}: the MX publishes TLSA records that did not validate`,
      };
    return {
      side: "unknown",
      why: `${resultType}: no checker run says whether the MX publishes TLSA records`,
    };
  }
  if (reasonCode && SENDER_TRUST_STORE.test(reasonCode) && resultType in MX_TLS)
    return {
      side: "sender",
      why: `the reason code "${reasonCode}" names the sender's trust store, not the MX certificate`,
    };
  const mx = MX_TLS[resultType];
  if (mx) return { side: "ours", why: mx };
  const policy = POLICY[resultType];
  if (policy) return { side: "ours", why: policy };
  return {
    side: "unknown",
    why:
      resultType === "validation-failure"
        ? `validation-failure is a catch-all${reasonCode ? ` ("${reasonCode}")` : " without a reason code"}: whose side is not known`
        : `${resultType} does not say whose side it is on`,
  };
}
