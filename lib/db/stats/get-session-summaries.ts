import type { Db } from "../client";
import type { DayRange } from "@/lib/stats/date-range";
import type { DaySummaryRow } from "@/lib/stats/aggregate";

/**
 * Summary sessions per day and outcome ("success"/"failure" rollups on mxHost "*"), summed
 * over reporters in the database. Plain SQL both engines understand: Prisma's groupBy maps
 * every row it returns, which costs more than the query for a year of a busy domain
 * (bench/charts.ts).
 */
export async function getSessionSummaries(
  db: Db,
  domainId: string,
  range: DayRange,
): Promise<DaySummaryRow[]> {
  const rows = await db.$queryRaw<{ day: string; resultType: string; sessions: unknown }[]>`
    SELECT "day", "resultType", SUM("sessions") AS "sessions"
    FROM "DailyRollup"
    WHERE "domainId" = ${domainId} AND "day" >= ${range.from} AND "day" <= ${range.to}
      AND "mxHost" = '*' AND "resultType" IN ('success', 'failure')
    GROUP BY "day", "resultType"`;
  // PostgreSQL answers SUM as bigint: numbers here.
  return rows.map((r) => ({ day: r.day, resultType: r.resultType, sessions: Number(r.sessions) }));
}
