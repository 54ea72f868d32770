import type { Db } from "../client";
import type { DayRange } from "@/lib/stats/date-range";
import type { SummaryRow } from "@/lib/stats/aggregate";

/**
 * Summary sessions per reporter, day and outcome ("success"/"failure" rollups on mxHost
 * "*"). One row per reporter and day answers both the daily chart and the reporter table.
 */
export async function getSessionSummaries(
  db: Db,
  domainId: string,
  range: DayRange,
): Promise<SummaryRow[]> {
  const rows = await db.dailyRollup.groupBy({
    by: ["reporterKey", "day", "resultType"],
    where: {
      domainId,
      day: { gte: range.from, lte: range.to },
      mxHost: "*",
      resultType: { in: ["success", "failure"] },
    },
    _sum: { sessions: true },
  });
  return rows.map((r) => ({
    reporterKey: r.reporterKey,
    day: r.day,
    resultType: r.resultType,
    sessions: r._sum.sessions ?? 0,
  }));
}
