// RPT-DELIV-7 in READY-3/4/5: which reports were authenticated, and who counts as a large
// reporter. Quarantined mail never gets here (lib/db/readiness filters it out); what is
// left is mail with an aligned DKIM pass, mail from accepted reporters, and HTTPS/uploaded
// reports, which RFC 8460 gives no way to authenticate.
import { orgDomain } from "@/lib/tlsrpt/report-auth";
import { LARGE_DOMAINS, LARGE_REPORTER } from "./constants";
import { ev, withEvidence, type EvidenceLine } from "./evidence-text";
import { reason, type Reason } from "./reason-text";
import type { Criterion, ReportEntry } from "./types";

/** READY-4 [OURS]: DKIM-verified mail from the provider's own domain, or any report from an
 * accepted reporter whose name is a large provider's. A name alone proves nothing. */
export function isLargeEvidence(e: ReportEntry): boolean {
  if (e.auth.result === "pass" && e.auth.domain !== null) {
    return LARGE_DOMAINS.includes(orgDomain(e.auth.domain));
  }
  return (
    e.auth.accepted && (LARGE_REPORTER.test(e.organization) || LARGE_REPORTER.test(e.reporterKey))
  );
}

/** Claims to be Google or Microsoft without the evidence to count as such. */
export const claimsLarge = (es: readonly ReportEntry[]): boolean =>
  es.some((e) => LARGE_REPORTER.test(e.organization) || LARGE_REPORTER.test(e.reporterKey));

/** "12 of 14 reports DKIM-verified (google.com)", "2 unauthenticated HTTPS": one reason each. */
export function authReasons(es: readonly ReportEntry[]): Reason[] {
  const reports = new Map<number, ReportEntry["auth"]>();
  for (const e of es) reports.set(e.auth.report, e.auth);
  const all = [...reports.values()];
  const verified = all.filter((a) => a.result === "pass");
  const domains = [...new Set(verified.map((a) => a.domain ?? "?"))].sort();
  const parts = [
    reason("auth.verified", {
      verified: verified.length,
      total: all.length,
      hasDomains: domains.length ? "yes" : "no",
      domains: domains.join(", "),
    }),
  ];
  // The rest by kind, in the order first seen: mail of an accepted reporter (quarantined
  // mail never gets here), or a channel RFC 8460 gives no way to authenticate.
  const rest = new Map<string, { channel: string; accepted: boolean; n: number }>();
  for (const a of all.filter((x) => x.result !== "pass")) {
    const accepted = a.channel === "imap" || a.accepted;
    const k = `${a.channel} ${accepted}`;
    const kind = rest.get(k) ?? { channel: a.channel, accepted, n: 0 };
    kind.n += 1;
    rest.set(k, kind);
  }
  for (const { channel, accepted, n } of rest.values())
    parts.push(
      channel === "imap"
        ? reason("auth.mailAccepted", { n })
        : reason("auth.unauthenticated", { n, channel, accepted: accepted ? "yes" : "no" }),
    );
  return parts;
}

/** The evidence line for quarantined mail, or null when there is none. */
export function quarantineEvidence(
  q: readonly { reporterKey: string; reports: number }[] | undefined,
): EvidenceLine | null {
  if (!q || q.length === 0) return null;
  const n = q.reduce((s, x) => s + x.reports, 0);
  const who = q.map((x) => `${x.reporterKey} (${x.reports})`).join(", ");
  return ev("quarantined", { n, who });
}

/**
 * RPT-DELIV-7 (issue 12 item 6): every criterion that judges reports says which of them
 * were authenticated. READY-4 says it per reporter; READY-3 and READY-5 get one line for
 * the reports they judged (`entries`, already without quarantined mail).
 */
export function withAuthLine(c: Criterion, entries: readonly ReportEntry[]): Criterion {
  if (entries.length === 0 || (c.id !== "READY-3" && c.id !== "READY-5")) return c;
  return withEvidence(c, [ev("reportsJudged", {}, { auth: authReasons(entries) })]);
}
