import type { Db } from "../client";
import type { DayRange } from "@/lib/stats/date-range";
import type { ReporterSessions } from "@/lib/stats/aggregate";

/**
 * Per reporter: summary sessions and the number of days it reported, aggregated in the
 * database (conditional sums and COUNT(DISTINCT), plain SQL both engines understand).
 */
export async function getReporterSessions(
  db: Db,
  domainId: string,
  range: DayRange,
): Promise<ReporterSessions[]> {
  const rows = await db.$queryRaw<
    { reporterKey: string; successful: unknown; failed: unknown; days: unknown }[]
  >`SELECT "reporterKey",
      SUM(CASE WHEN "resultType" = 'success' THEN "sessions" ELSE 0 END) AS "successful",
      SUM(CASE WHEN "resultType" = 'failure' THEN "sessions" ELSE 0 END) AS "failed",
      COUNT(DISTINCT "day") AS "days"
    FROM "DailyRollup"
    WHERE "domainId" = ${domainId} AND "day" >= ${range.from} AND "day" <= ${range.to}
      AND "mxHost" = '*'
    GROUP BY "reporterKey"`;
  // PostgreSQL answers SUM and COUNT as bigint: numbers here.
  return rows.map((r) => ({
    reporterKey: r.reporterKey,
    successful: Number(r.successful),
    failed: Number(r.failed),
    daysReported: Number(r.days),
  }));
}
