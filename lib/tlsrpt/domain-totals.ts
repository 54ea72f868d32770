// RPT-JSON-7: one session can be listed under several policy entries of a report (Microsoft
// lists the same sessions under `sts` and `tlsa`), so summaries must not be added across
// policy types for one domain. Issue 11: grouping uses maps, never a search per entry, so
// a hostile report with a thousand entries (or policy types) costs linear time.
import type { NormalizedReport } from "./types";

export interface SessionCounts {
  successful: number;
  failed: number;
}

export interface DomainSessionTotals {
  policyDomain: string | null;
  /** Sessions for the domain without double counting (see sessionsOf). */
  sessions: SessionCounts;
}

/** One policy entry's counts, as stored (ReportPolicy) or read. */
export interface EntryCounts {
  policyType: string;
  successful: number;
  failed: number;
}

/**
 * [OURS, after RPT-JSON-7] One domain's sessions from its policy entries. Entries of one
 * type are added (two `sts` entries are two policy versions: different sessions); `sts`,
 * `tlsa` and unknown types describe the same sessions, so the type with the most sessions
 * counts; `no-policy-found` means the sender found neither policy, so those are added.
 */
export function sessionsOf(entries: readonly EntryCounts[]): SessionCounts {
  const byType = new Map<string, EntryCounts>();
  for (const e of entries) {
    const s = byType.get(e.policyType);
    if (s) {
      s.successful += e.successful;
      s.failed += e.failed;
    } else byType.set(e.policyType, { ...e });
  }
  let best = 0;
  const out = { successful: 0, failed: 0 };
  let chosen: EntryCounts | undefined;
  for (const s of byType.values()) {
    if (s.policyType === "no-policy-found") {
      out.successful += s.successful;
      out.failed += s.failed;
    } else if (s.successful + s.failed > best) {
      best = s.successful + s.failed;
      chosen = s;
    }
  }
  if (chosen) {
    out.successful += chosen.successful;
    out.failed += chosen.failed;
  }
  return out;
}

/** Each policy domain of the report (in order of first appearance) with its sessions. */
export function domainSessionTotals(
  report: Pick<NormalizedReport, "policies">,
): DomainSessionTotals[] {
  // A Map keeps insertion order: domains come out in order of first appearance.
  const byDomain = new Map<string | null, EntryCounts[]>();
  for (const p of report.policies) {
    let list = byDomain.get(p.policyDomain);
    if (!list) byDomain.set(p.policyDomain, (list = []));
    list.push({
      policyType: p.policyType,
      successful: p.totalSuccessfulSessionCount,
      failed: p.totalFailureSessionCount,
    });
  }
  const out: DomainSessionTotals[] = [];
  for (const [policyDomain, list] of byDomain) {
    out.push({ policyDomain, sessions: sessionsOf(list) });
  }
  return out;
}
