import type { Db } from "../client";
import { inVerdictWhere } from "../reports/quarantine";
import type { FailureEntry } from "@/lib/readiness/types";

/** Every failure-detail row of the domain in the range, with its policy type and reporter;
 * quarantined mail left out (RPT-DELIV-7). */
export async function getFailureEntries(
  db: Db,
  domainId: string,
  range: { from: string; to: string },
  accepted: ReadonlySet<string>,
): Promise<FailureEntry[]> {
  const rows = await db.failureDetail.findMany({
    where: {
      domainId,
      reportDay: { gte: range.from, lte: range.to },
      policy: { report: inVerdictWhere(accepted) },
    },
    select: {
      policyRowId: true,
      reportDay: true,
      resultType: true,
      receivingMxHostname: true,
      failedSessionCount: true,
      failureReasonCode: true,
      policy: {
        select: {
          policyType: true,
          report: { select: { reporterKey: true, organization: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    day: r.reportDay,
    reporterKey: r.policy.report.reporterKey,
    organization: r.policy.report.organization || r.policy.report.reporterKey,
    policyType: r.policy.policyType,
    resultType: r.resultType,
    mxHost: r.receivingMxHostname,
    sessions: r.failedSessionCount,
    reasonCode: r.failureReasonCode,
    entryId: r.policyRowId,
  }));
}
