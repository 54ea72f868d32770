import type { Db } from "../client";
import { currentPolicyVersion } from "../policies/policies";
import { getReadiness } from "../readiness/get-readiness";
import { dailySeries, failureRate } from "@/lib/stats/aggregate";
import { lastDays } from "@/lib/stats/date-range";
import { getLastReportDay } from "./get-last-report-day";
import { getSessionSummaries } from "./get-session-summaries";

export interface DomainHealth {
  mode: string | null;
  lastReportDay: string | null;
  week: { successful: number; failed: number; rate: number };
  readiness: { ready: boolean; met: number; total: number; open: string[] };
}

/** At a glance: served mode, last report day, 7-day failure rate and READY count. */
export async function getDomainHealth(
  db: Db,
  domainId: string,
  now = new Date(),
): Promise<DomainHealth> {
  const range = lastDays(7, now);
  const [policy, lastReportDay, summaries, readiness] = await Promise.all([
    currentPolicyVersion(db, domainId),
    getLastReportDay(db, domainId),
    getSessionSummaries(db, domainId, range),
    getReadiness(db, domainId, now),
  ]);
  const daily = dailySeries(range, summaries);
  const successful = daily.reduce((s, d) => s + d.successful, 0);
  const failed = daily.reduce((s, d) => s + d.failed, 0);
  return {
    mode: policy?.mode ?? null,
    lastReportDay,
    week: { successful, failed, rate: failureRate(successful, failed) },
    readiness: {
      ready: readiness.ready,
      met: readiness.metCount,
      total: readiness.criteria.length,
      open: readiness.criteria.filter((c) => c.status !== "met").map((c) => c.id),
    },
  };
}
