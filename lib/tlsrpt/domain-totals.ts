// RPT-JSON-7: one session can be listed under several policy entries of a report (Microsoft
// lists the same sessions under `sts` and `tlsa`), so summaries must not be added across
// policy types for one domain. Runs for every stored report (the ingest benchmark), so it
// works on small arrays rather than maps: a report has a handful of entries.
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
  const sums: EntryCounts[] = [];
  for (const e of entries) {
    const s = sums.find((x) => x.policyType === e.policyType);
    if (s) {
      s.successful += e.successful;
      s.failed += e.failed;
    } else sums.push({ ...e });
  }
  let best = 0;
  const out = { successful: 0, failed: 0 };
  let chosen: EntryCounts | undefined;
  for (const s of sums) {
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
  const domains: (string | null)[] = [];
  const entries: EntryCounts[][] = [];
  for (const p of report.policies) {
    let i = domains.indexOf(p.policyDomain);
    if (i < 0) i = domains.push(p.policyDomain) - 1;
    (entries[i] ??= []).push({
      policyType: p.policyType,
      successful: p.totalSuccessfulSessionCount,
      failed: p.totalFailureSessionCount,
    });
  }
  return domains.map((policyDomain, i) => ({
    policyDomain,
    sessions: sessionsOf(entries[i] ?? []),
  }));
}
