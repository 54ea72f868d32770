import type { Db } from "../client";

/** Row counts of every table ingestion writes: tests assert on all of them at once. */
export async function countRows(db: Db) {
  const [reports, policies, failures, rollups, rejected, unknown, rawInputs] = await Promise.all([
    db.report.count(),
    db.reportPolicy.count(),
    db.failureDetail.count(),
    db.dailyRollup.count(),
    db.rejectedReport.count(),
    db.unknownDomainTally.count(),
    db.rawInput.count(),
  ]);
  return { reports, policies, failures, rollups, rejected, unknown, rawInputs };
}

export async function resetReports(db: Db): Promise<void> {
  await db.report.deleteMany();
  await db.rawInput.deleteMany();
  await db.dailyRollup.deleteMany();
  await db.rejectedReport.deleteMany();
  await db.unknownDomainTally.deleteMany();
}
