import type { Db } from "../client";
import { latestCheckRun } from "../checks/checks";
import { acceptedReporters, quarantinedCounts } from "../reports/quarantine";
import { listPolicyVersions } from "../policies/policies";
import { settings } from "@/lib/config/settings";
import { LOOKBACK_DAYS } from "@/lib/readiness/constants";
import { evaluateReadiness } from "@/lib/readiness/evaluate";
import type { Readiness } from "@/lib/readiness/types";
import { addDays, utcDay } from "@/lib/stats/date-range";
import { getFailureEntries } from "./get-failure-entries";
import { getReportEntries } from "./get-report-entries";

/** The READY-1..7 verdict for one domain, from its policies, checker runs and reports. */
export async function getReadiness(
  db: Db,
  domainId: string,
  now: Date = new Date(),
  checkMaxAgeHours: number = settings().STS_CHECK_MAX_AGE_HOURS,
  graceDays: number = settings().STS_REPORT_GRACE_DAYS,
): Promise<Readiness> {
  const today = utcDay(now);
  const range = { from: addDays(today, -LOOKBACK_DAYS), to: today };
  const accepted = await acceptedReporters(db);
  const [versions, run, entries, failures, quarantined] = await Promise.all([
    listPolicyVersions(db, domainId),
    latestCheckRun(db, domainId),
    getReportEntries(db, domainId, range, accepted),
    getFailureEntries(db, domainId, range, accepted),
    quarantinedCounts(db, domainId, range, accepted),
  ]);
  const current = versions[0] ?? null;
  return evaluateReadiness({
    now,
    policy: current,
    history: versions,
    versions,
    check:
      run?.report && run.finishedAt ? { finishedAt: run.finishedAt, report: run.report } : null,
    checkMaxAgeHours,
    entries,
    failures,
    quarantined,
    graceDays,
  });
}
