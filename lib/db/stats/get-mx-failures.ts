import type { Db } from "../client";
import type { DayRange } from "@/lib/stats/date-range";
import type { FailureRow } from "@/lib/stats/aggregate";

/**
 * Failed sessions per day, receiving MX ("" = not named) and result type, all reporters.
 * Plain SQL both engines understand; the grouped rows come back without Prisma's per-row
 * mapping, which costs more than the query itself for a year of a busy domain
 * (bench/charts.ts).
 */
export async function getMxFailures(
  db: Db,
  domainId: string,
  range: DayRange,
): Promise<FailureRow[]> {
  const rows = await db.$queryRaw<
    { day: string; mxHost: string; resultType: string; sessions: unknown }[]
  >`SELECT "day", "mxHost", "resultType", SUM("sessions") AS "sessions"
    FROM "DailyRollup"
    WHERE "domainId" = ${domainId} AND "day" >= ${range.from} AND "day" <= ${range.to}
      AND "mxHost" <> '*'
    GROUP BY "day", "mxHost", "resultType"`;
  // PostgreSQL answers SUM as bigint: numbers here.
  return rows.map((r) => ({
    day: r.day,
    mxHost: r.mxHost,
    resultType: r.resultType,
    sessions: Number(r.sessions),
  }));
}
