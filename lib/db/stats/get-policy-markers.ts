import type { Db } from "../client";
import { utcDay } from "@/lib/stats/date-range";
import type { PolicyMarker } from "@/lib/stats/types";

/** Every policy version of the domain, oldest first: the markers on the time axis. */
export async function getPolicyMarkers(db: Db, domainId: string): Promise<PolicyMarker[]> {
  const rows = await db.policyVersion.findMany({
    where: { domainId },
    orderBy: { seq: "asc" },
    select: {
      seq: true,
      createdAt: true,
      mode: true,
      maxAge: true,
      policyId: true,
      reason: true,
    },
  });
  return rows.map((r) => ({
    seq: r.seq,
    day: utcDay(r.createdAt),
    createdAt: r.createdAt.toISOString(),
    mode: r.mode,
    maxAge: r.maxAge,
    policyId: r.policyId,
    reason: r.reason,
  }));
}
