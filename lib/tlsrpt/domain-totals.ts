// RPT-JSON-7: one session can be listed under several policy entries of a report (Microsoft
// lists the same sessions under `sts` and `tlsa`), so summaries must not be added across
// policy types for one domain.
import type { NormalizedReport } from "./types";

export interface SessionCounts {
  successful: number;
  failed: number;
}

export interface DomainSessionTotals {
  policyDomain: string | null;
  /** Summed per policy type (two `sts` entries are two policy versions: different sessions). */
  byType: Record<string, SessionCounts>;
  /** Sessions for the domain without double counting (see below). */
  sessions: SessionCounts;
}

const total = (c: SessionCounts) => c.successful + c.failed;

/**
 * [OURS, after RPT-JSON-7] `sts`, `tlsa` and unknown types describe the same sessions, so
 * the domain takes the type with the most sessions. `no-policy-found` means the sender found
 * neither policy, so those sessions are disjoint from the others and are added.
 */
export function domainSessionTotals(
  report: Pick<NormalizedReport, "policies">,
): DomainSessionTotals[] {
  const byDomain = new Map<string | null, Record<string, SessionCounts>>();
  for (const p of report.policies) {
    let types = byDomain.get(p.policyDomain);
    if (!types) byDomain.set(p.policyDomain, (types = {}));
    const c = (types[p.policyType] ??= { successful: 0, failed: 0 });
    c.successful += p.totalSuccessfulSessionCount;
    c.failed += p.totalFailureSessionCount;
  }
  const out: DomainSessionTotals[] = [];
  for (const [policyDomain, byType] of byDomain) {
    let best: SessionCounts = { successful: 0, failed: 0 };
    for (const [type, c] of Object.entries(byType)) {
      if (type !== "no-policy-found" && total(c) > total(best)) best = c;
    }
    const none = byType["no-policy-found"] ?? { successful: 0, failed: 0 };
    out.push({
      policyDomain,
      byType,
      sessions: {
        successful: best.successful + none.successful,
        failed: best.failed + none.failed,
      },
    });
  }
  return out;
}
