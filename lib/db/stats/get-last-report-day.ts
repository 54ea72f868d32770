import type { Db } from "../client";

/** The latest day any report covers for the domain, or null. */
export async function getLastReportDay(db: Db, domainId: string): Promise<string | null> {
  const row = await db.dailyRollup.findFirst({
    where: { domainId, mxHost: "*" },
    orderBy: { day: "desc" },
    select: { day: true },
  });
  return row?.day ?? null;
}
