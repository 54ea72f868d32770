// Retention of raw inputs (issue 11, disk): the bytes of inputs received more than N days
// ago are deleted; the reports read from them, their policy entries, failure details and
// rollups stay, with their raw reference set to null (the detail view then says the raw
// input was pruned). Raw rows no report references any more (their reports were deleted)
// go too. Work is done in batches of bounded id lists, each batch one transaction, so no
// statement nears either engine's parameter limit and no lock is held for long.
import type { Db } from "../client";

const BATCH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface PruneOutcome {
  /** Raw inputs older than the retention period, deleted. */
  expired: number;
  /** Raw inputs no report referenced, deleted. */
  orphaned: number;
}

export async function pruneRawInputs(
  db: Db,
  retentionDays: number,
  now: Date = new Date(),
): Promise<PruneOutcome> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const expired = await deleteInBatches(db, { receivedAt: { lt: cutoff } });
  const orphaned = await deleteInBatches(db, { reports: { none: {} } });
  return { expired, orphaned };
}

type Where = NonNullable<Parameters<Db["rawInput"]["findMany"]>[0]>["where"];

async function deleteInBatches(db: Db, where: Where): Promise<number> {
  let deleted = 0;
  for (;;) {
    const rows = await db.rawInput.findMany({
      where,
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return deleted;
    const ids = rows.map((r) => r.id);
    // The references are cleared here rather than left to ON DELETE SET NULL alone: the
    // outcome must not depend on a connection's foreign-key setting.
    const [, gone] = await db.$transaction([
      db.report.updateMany({ where: { rawInputId: { in: ids } }, data: { rawInputId: null } }),
      db.rawInput.deleteMany({ where: { id: { in: ids } } }),
    ]);
    deleted += gone.count;
    if (rows.length < BATCH) return deleted;
  }
}
