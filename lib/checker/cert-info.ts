import type { X509Certificate } from "node:crypto";
import { dnsNamesFromSubjectAltName } from "../mta-sts/cert-name";
import { ct, type CheckText } from "./text";

/** What the report shows about a certificate (evidence), plain JSON. */
export interface CertInfo {
  subject: string;
  issuer: string;
  sanDnsNames: string[];
  validFrom: string;
  validTo: string;
  /** Whole days until notAfter, negative when expired. */
  daysLeft: number;
  fingerprint256: string;
}

export function describeCert(cert: X509Certificate, now: number): CertInfo {
  const validTo = new Date(cert.validTo);
  return {
    subject: cert.subject.replace(/\n/g, ", "),
    issuer: cert.issuer.replace(/\n/g, ", "),
    sanDnsNames: dnsNamesFromSubjectAltName(cert.subjectAltName),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: validTo.toISOString(),
    daysLeft: Math.floor((validTo.getTime() - now) / 86_400_000),
    fingerprint256: cert.fingerprint256,
  };
}

export function certEvidence(info: CertInfo): string {
  const san = info.sanDnsNames.length > 0 ? info.sanDnsNames.join(", ") : "(no DNS names)";
  return `subject ${info.subject}; SAN ${san}; issuer ${info.issuer}; expires ${info.validTo} (${info.daysLeft} days)`;
}

/** Human text for OpenSSL verify codes Node reports as authorizationError. */
export function chainProblem(code: string): string {
  switch (code) {
    case "CERT_HAS_EXPIRED":
      return "the certificate has expired";
    case "CERT_NOT_YET_VALID":
      return "the certificate is not valid yet";
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
      return "the certificate is self-signed";
    case "SELF_SIGNED_CERT_IN_CHAIN":
      return "the chain ends in a self-signed root that is not trusted";
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "UNABLE_TO_GET_ISSUER_CERT":
      return "the chain does not lead to a trusted root (unknown issuer or missing intermediate)";
    default:
      return `the chain does not validate (${code})`;
  }
}

/** The problems a certificate can have, as the `problem` select of the checks messages. */
export type CertProblem =
  "expired" | "notYetValid" | "selfSigned" | "selfSignedChain" | "untrusted" | "nosan" | "other";

/** chainProblem's verdict as a key: the check page words it in the user's language. */
export function chainProblemKind(code: string): CertProblem {
  switch (code) {
    case "CERT_HAS_EXPIRED":
      return "expired";
    case "CERT_NOT_YET_VALID":
      return "notYetValid";
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
      return "selfSigned";
    case "SELF_SIGNED_CERT_IN_CHAIN":
      return "selfSignedChain";
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "UNABLE_TO_GET_ISSUER_CERT":
      return "untrusted";
    default:
      return "other";
  }
}

/** certEvidence as a checks text: "{prefix}: [{protocol}; ]subject …; expires … (n days)". */
export function certEvidenceText(
  prefix: string,
  cert: CertInfo | null,
  protocol?: string,
): CheckText {
  if (cert === null) return ct("cert.evidenceNone", { prefix, protocol: protocol ?? "" });
  const params = {
    prefix,
    subject: cert.subject,
    san: cert.sanDnsNames.join(", "),
    noSan: cert.sanDnsNames.length === 0 ? "yes" : "no",
    issuer: cert.issuer,
    validTo: cert.validTo,
    days: String(cert.daysLeft),
  };
  return protocol === undefined
    ? ct("cert.evidence", params)
    : ct("cert.evidenceProtocol", { ...params, protocol });
}

/**
 * The certificate's problems (chain first, then the SAN) as params of the `problem`/`more`
 * selects; null when there is none.
 */
export function certProblems(
  chainValid: boolean,
  chainError: string | null | undefined,
  covered: boolean,
): { problem: CertProblem; more: "nosan" | "none"; code: string } | null {
  const code = chainError ?? "unknown";
  if (!chainValid)
    return { problem: chainProblemKind(code), more: covered ? "none" : "nosan", code };
  return covered ? null : { problem: "nosan", more: "none", code };
}
