import type { Db } from "../client";
import type { FailureDetails } from "@/lib/stats/types";

export const DETAIL_LIMIT = 500;

/**
 * The failure-detail rows behind one bar: a day, a receiving MX ("" = reports that did not
 * name one) and optionally one result type. Largest counts first.
 */
export async function getFailureDetails(
  db: Db,
  domainId: string,
  q: { day: string; mx: string; resultType: string | null },
): Promise<FailureDetails> {
  const where = {
    domainId,
    reportDay: q.day,
    receivingMxHostname: q.mx === "" ? null : q.mx,
    ...(q.resultType ? { resultType: q.resultType } : {}),
  };
  const [rows, sum] = await Promise.all([
    db.failureDetail.findMany({
      where,
      orderBy: [{ failedSessionCount: "desc" }, { id: "asc" }],
      take: DETAIL_LIMIT + 1,
      include: { policy: { select: { report: { select: { organization: true } } } } },
    }),
    db.failureDetail.aggregate({ where, _sum: { failedSessionCount: true } }),
  ]);
  return {
    day: q.day,
    mx: q.mx,
    resultType: q.resultType,
    sessions: sum._sum.failedSessionCount ?? 0,
    truncated: rows.length > DETAIL_LIMIT,
    rows: rows.slice(0, DETAIL_LIMIT).map((r) => ({
      id: r.id,
      day: r.reportDay,
      resultType: r.resultType,
      reporter: r.policy.report.organization,
      sendingMtaIp: r.sendingMtaIp,
      receivingMxHostname: r.receivingMxHostname,
      receivingMxHelo: r.receivingMxHelo,
      receivingIp: r.receivingIp,
      failedSessionCount: r.failedSessionCount,
      failureReasonCode: r.failureReasonCode,
      additionalInformation: r.additionalInformation,
    })),
  };
}
