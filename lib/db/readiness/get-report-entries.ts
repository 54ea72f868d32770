import type { Db } from "../client";
import { inVerdictWhere } from "../reports/quarantine";
import type { ReportEntry } from "@/lib/readiness/types";

/** Every report policy entry of the domain in the range (READY-3..5), leaving out
 * quarantined mail (RPT-DELIV-7); `accepted` are the accepted reporters' keys. */
export async function getReportEntries(
  db: Db,
  domainId: string,
  range: { from: string; to: string },
  accepted: ReadonlySet<string>,
): Promise<ReportEntry[]> {
  const rows = await db.reportPolicy.findMany({
    where: {
      domainId,
      reportDay: { gte: range.from, lte: range.to },
      report: inVerdictWhere(accepted),
    },
    select: {
      id: true,
      reportDay: true,
      policyType: true,
      policyStrings: true,
      successfulCount: true,
      failedCount: true,
      report: {
        select: {
          id: true,
          reporterKey: true,
          organization: true,
          channel: true,
          auth: true,
          authDomain: true,
          receivedAt: true,
        },
      },
    },
  });
  return rows.map((r) => ({
    day: r.reportDay,
    reporterKey: r.report.reporterKey,
    organization: r.report.organization || r.report.reporterKey,
    policyType: r.policyType,
    policyStrings: parseStrings(r.policyStrings),
    successful: r.successfulCount,
    failed: r.failedCount,
    auth: {
      report: r.report.id,
      channel: r.report.channel,
      result: r.report.auth,
      domain: r.report.authDomain,
      accepted: accepted.has(r.report.reporterKey),
    },
    entryId: r.id,
    receivedAt: r.report.receivedAt,
  }));
}

function parseStrings(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}
