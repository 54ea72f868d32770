// RPT-DELIV-7 in READY-3/4/5: which reports were authenticated, and who counts as a large
// reporter. Quarantined mail never gets here (lib/db/readiness filters it out); what is
// left is mail with an aligned DKIM pass, mail from accepted reporters, and HTTPS/uploaded
// reports, which RFC 8460 gives no way to authenticate.
import { orgDomain } from "@/lib/tlsrpt/report-auth";
import { LARGE_DOMAINS, LARGE_REPORTER } from "./constants";
import { ev, plainLine, withEvidence, type EvidenceLine } from "./evidence-text";
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

const CHANNEL_NAME: Record<string, string> = { https: "HTTPS", upload: "uploaded", cli: "CLI" };

/** "12 of 14 reports DKIM-verified (google.com); 2 unauthenticated HTTPS". */
export function describeAuth(es: readonly ReportEntry[]): string {
  const reports = new Map<number, ReportEntry["auth"]>();
  for (const e of es) reports.set(e.auth.report, e.auth);
  const all = [...reports.values()];
  const verified = all.filter((a) => a.result === "pass");
  const domains = [...new Set(verified.map((a) => a.domain ?? "?"))].sort();
  const parts = [
    `${verified.length} of ${all.length} report${all.length === 1 ? "" : "s"} DKIM-verified` +
      (domains.length ? ` (${domains.join(", ")})` : ""),
  ];
  const rest = new Map<string, number>();
  for (const a of all.filter((x) => x.result !== "pass")) {
    const what =
      a.channel === "imap"
        ? `mail without an aligned DKIM pass, reporter accepted`
        : `unauthenticated ${CHANNEL_NAME[a.channel] ?? a.channel}${a.accepted ? ", reporter accepted" : ""}`;
    rest.set(what, (rest.get(what) ?? 0) + 1);
  }
  for (const [what, n] of rest) parts.push(`${n} ${what}`);
  return parts.join("; ");
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
  return withEvidence(c, [plainLine(`Reports judged: ${describeAuth(entries)}.`)]);
}
