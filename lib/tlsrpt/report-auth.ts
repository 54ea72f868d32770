// RPT-DELIV-7: a report's authentication, from its message's DKIM verdict (dkim.ts) and
// the report itself. Alignment, precisely: a passing signature is aligned when the
// organisational domain (public suffix + 1 label, tldts) of its d= equals that of the
// reporting organisation's domain, which is
//   - the submitter domain (TLS-Report-Submitter header, else contact-info's domain, else
//     the filename's sender: NormalizedReport.submitterDomain, the dedupe key RPT-ING-5), or
//   - the domain of contact-info.
// So d=google.com aligns with a Google report (submitter google.com), d=microsoft.com with
// one whose contact-info is tlsrpt-noreply@microsoft.com, and d=mail.google.com with
// google.com; d=attacker.example never does, whatever the report claims. The From header is
// not used: it is the sender's claim, not the report's identity.
import { getDomain } from "tldts";
import type { MessageRef } from "@/lib/i18n/message-ref";
import type { DkimVerdict } from "./dkim";
import type { NormalizedReport } from "./types";

/** Stored on Report.auth (prisma/schema.prisma). */
export type ReportAuth = "pass" | "unaligned" | "fail" | "none" | "unauthenticated";

export interface AuthResult {
  auth: ReportAuth;
  /** d= of the signature behind `auth`; null when there is none. */
  authDomain: string | null;
}

/** HTTPS-posted, uploaded and CLI reports: RFC 8460 defines no authentication for them. */
export const UNAUTHENTICATED: AuthResult = { auth: "unauthenticated", authDomain: null };

/** The organisational domain of a host name (itself when tldts cannot tell). */
export function orgDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, "");
  return getDomain(h, { allowPrivateDomains: false }) ?? h;
}

const domainOfAddress = (s: string | null): string | null => {
  if (!s) return null;
  const at = s.lastIndexOf("@");
  const rest = (at >= 0 ? s.slice(at + 1) : "").replace(/[>\s].*$/, "");
  return rest.length > 0 ? rest.toLowerCase() : null;
};

/** The organisational domains a signature may align with (see the head comment). */
export function reporterDomains(
  r: Pick<NormalizedReport, "submitterDomain" | "contactInfo">,
): string[] {
  const names = [r.submitterDomain, domainOfAddress(r.contactInfo)];
  return [...new Set(names.filter((n): n is string => !!n).map(orgDomain))];
}

export function reportAuth(
  dkim: DkimVerdict,
  r: Pick<NormalizedReport, "submitterDomain" | "contactInfo">,
): AuthResult {
  const own = reporterDomains(r);
  const aligned = dkim.passed.find((d) => own.includes(orgDomain(d)));
  if (aligned) return { auth: "pass", authDomain: aligned };
  const other = dkim.passed[0];
  if (other) return { auth: "unaligned", authDomain: other };
  const failed = dkim.failed[0];
  if (failed) return { auth: "fail", authDomain: failed };
  return { auth: "none", authDomain: null };
}

/** Mail reports count in the verdict only with an aligned pass, or once accepted. */
export function isQuarantined(x: { channel: string; auth: string; accepted: boolean }): boolean {
  return x.channel === "imap" && x.auth !== "pass" && !x.accepted;
}

/** The badge text shown per report (components/ingest). */
export function authLabel(x: { channel: string; auth: string; authDomain: string | null }): string {
  switch (x.auth) {
    case "pass":
      return `DKIM pass ${x.authDomain ?? ""}`.trim();
    case "unaligned":
      return `DKIM pass ${x.authDomain ?? ""}, not aligned`.replace(" ,", ",");
    case "fail":
      return "DKIM fail";
    case "none":
      return "unsigned";
  }
  if (x.channel === "https") return "HTTPS, unauthenticated";
  if (x.channel === "imap") return "mail, not verified";
  return `${x.channel === "cli" ? "CLI" : "upload"}, unauthenticated`;
}

/** Why a quarantined report is outside the verdict (the quarantine list). */
export function quarantineReason(x: { auth: string; authDomain: string | null }): string {
  switch (x.auth) {
    case "unaligned":
      return `DKIM pass but not aligned with the reporter (d=${x.authDomain ?? "?"})`;
    case "fail":
      return `DKIM fail${x.authDomain ? ` (d=${x.authDomain})` : ""}`;
    case "none":
      return "unsigned (no DKIM signature)";
    default:
      return "not verified (stored before DKIM checks)";
  }
}

// The same texts for the UI, in the reader's language (issue 16 §6): MessageRefs into the
// `reports` messages (auth.*, quarantine.reason.*). d= stays a parameter, shown as text.

/** authLabel as a MessageRef (`reports.auth.*`). */
export function authLabelRef(x: {
  channel: string;
  auth: string;
  authDomain: string | null;
}): MessageRef {
  const domain = x.authDomain ?? "";
  switch (x.auth) {
    case "pass":
      return domain ? { key: "auth.pass", params: { domain } } : { key: "auth.passNoDomain" };
    case "unaligned":
      return domain
        ? { key: "auth.unaligned", params: { domain } }
        : { key: "auth.unalignedNoDomain" };
    case "fail":
      return { key: "auth.fail" };
    case "none":
      return { key: "auth.none" };
  }
  if (x.channel === "https") return { key: "auth.https" };
  if (x.channel === "imap") return { key: "auth.imap" };
  return { key: x.channel === "cli" ? "auth.cli" : "auth.upload" };
}

/** One quarantine line, "<quarantineReason>: n reports", as a MessageRef (`reports.quarantine.reason.*`). */
export function quarantineReasonRef(
  x: { auth: string; authDomain: string | null },
  count: number,
): MessageRef {
  switch (x.auth) {
    case "unaligned":
      return {
        key: "quarantine.reason.unaligned",
        params: { domain: x.authDomain ?? "?", count },
      };
    case "fail":
      return x.authDomain
        ? { key: "quarantine.reason.fail", params: { domain: x.authDomain, count } }
        : { key: "quarantine.reason.failNoDomain", params: { count } };
    case "none":
      return { key: "quarantine.reason.none", params: { count } };
    default:
      return { key: "quarantine.reason.unverified", params: { count } };
  }
}
