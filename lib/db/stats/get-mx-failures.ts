import type { Db } from "../client";
import type { DayRange } from "@/lib/stats/date-range";
import type { FailureRow } from "@/lib/stats/aggregate";

/** Failed sessions per day, receiving MX ("" = not named) and result type, all reporters. */
export async function getMxFailures(
  db: Db,
  domainId: string,
  range: DayRange,
): Promise<FailureRow[]> {
  const rows = await db.dailyRollup.groupBy({
    by: ["day", "mxHost", "resultType"],
    where: {
      domainId,
      day: { gte: range.from, lte: range.to },
      mxHost: { not: "*" },
    },
    _sum: { sessions: true },
  });
  return rows.map((r) => ({
    day: r.day,
    mxHost: r.mxHost,
    resultType: r.resultType,
    sessions: r._sum.sessions ?? 0,
  }));
}
