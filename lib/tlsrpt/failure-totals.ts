// Failure-detail sessions of a report summed per (policy domain, receiving MX, result
// type): what the daily rollup adds for one report. Issue 11: one Map lookup per row, never
// a search through the rows gathered so far, so a report naming 10,000 distinct MX hosts
// (MAX_FAILURE_DETAILS) aggregates in linear time.
import type { NormalizedReport } from "./types";

export interface FailureTotal {
  policyDomain: string | null;
  /** "" when the report did not name the MX (RPT-QUIRK-4). */
  mxHost: string;
  resultType: string;
  sessions: number;
}

type ByType = Map<string, FailureTotal>;

/** Rows with sessions > 0, in order of first appearance. Nested maps rather than one joined
 * key: report strings may hold any character, so no separator is safe. */
export function failureTotals(report: Pick<NormalizedReport, "policies">): FailureTotal[] {
  const out: FailureTotal[] = [];
  const byDomain = new Map<string | null, Map<string, ByType>>();
  for (const p of report.policies) {
    let byMx = byDomain.get(p.policyDomain);
    if (!byMx) byDomain.set(p.policyDomain, (byMx = new Map()));
    for (const d of p.failureDetails) {
      if (d.failedSessionCount === 0) continue;
      const mxHost = d.receivingMxHostname ?? "";
      let byType = byMx.get(mxHost);
      if (!byType) byMx.set(mxHost, (byType = new Map()));
      const row = byType.get(d.resultType);
      if (row) row.sessions += d.failedSessionCount;
      else {
        const fresh = {
          policyDomain: p.policyDomain,
          mxHost,
          resultType: d.resultType,
          sessions: d.failedSessionCount,
        };
        byType.set(d.resultType, fresh);
        out.push(fresh);
      }
    }
  }
  return out;
}
