import type { Db } from "../client";
import { dailySeries, mxFailureSeries, reporterTable } from "@/lib/stats/aggregate";
import type { DayRange } from "@/lib/stats/date-range";
import type { DomainStats } from "@/lib/stats/types";
import { getMxFailures } from "./get-mx-failures";
import { getPolicyMarkers } from "./get-policy-markers";
import { getReporterNames } from "./get-reporter-names";
import { getReporterSessions } from "./get-reporter-sessions";
import { getSessionSummaries } from "./get-session-summaries";

/** Everything the report dashboard draws for one domain and range (the chart API). */
export async function getDomainStats(
  db: Db,
  domain: { id: string; name: string },
  range: DayRange,
  mx: string | null,
): Promise<DomainStats> {
  const [summaries, reporters, failures, markers] = await Promise.all([
    getSessionSummaries(db, domain.id, range),
    getReporterSessions(db, domain.id, range),
    getMxFailures(db, domain.id, range),
    getPolicyMarkers(db, domain.id),
  ]);
  const names = await getReporterNames(
    db,
    reporters.map((r) => r.reporterKey),
  );
  const all = mxFailureSeries(range, failures);
  const mxFailures = mx === null ? all.mxFailures : all.mxFailures.filter((m) => m.mxHost === mx);
  const daily = dailySeries(range, summaries);
  return {
    domain: domain.name,
    from: range.from,
    to: range.to,
    mx,
    daily,
    totals: {
      successful: daily.reduce((s, d) => s + d.successful, 0),
      failed: daily.reduce((s, d) => s + d.failed, 0),
    },
    mxHosts: all.mxFailures.map((m) => m.mxHost),
    resultTypes: all.resultTypes,
    mxFailures,
    reporters: reporterTable(reporters, names),
    // Changes after the last report day (today's switch) are listed too; the charts draw
    // only those on their axis.
    markers: markers.filter((m) => m.day >= range.from),
  };
}
