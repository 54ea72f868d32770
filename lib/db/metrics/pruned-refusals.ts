import { Prisma } from "@/prisma/generated/sqlite/client";
import type { Db } from "../client";

// Refusals stay in RejectedReport for STS_REJECTED_RETENTION_DAYS only, but
// sts_reports_refused_total is a counter: it must never fall when old rows are pruned
// (Prometheus would read the fall as a restart and count every refusal again). So the
// prune adds what it deletes, per channel, to a tally in Setting, in the transaction that
// deletes the rows, and the metric is the rows still kept plus the tally.

export const PRUNED_REFUSALS_PREFIX = "metrics:refused-pruned:";

type Tx = Pick<Db, "$executeRaw">;

/** Adds pruned refusals to the channel tallies: call in the transaction that deletes them. */
export async function addPrunedRefusals(
  tx: Tx,
  rows: readonly { channel: string; count: number }[],
): Promise<void> {
  const byChannel = new Map<string, number>();
  for (const r of rows) byChannel.set(r.channel, (byChannel.get(r.channel) ?? 0) + r.count);
  for (const [channel, n] of byChannel) {
    const key = `${PRUNED_REFUSALS_PREFIX}${channel}`;
    // One statement for both engines; the increment happens in the database, so two
    // prunes never overwrite each other's counts.
    await tx.$executeRaw(Prisma.sql`INSERT INTO "Setting" ("key", "value")
      VALUES (${key}, ${String(n)})
      ON CONFLICT ("key") DO UPDATE
      SET "value" = CAST(CAST("Setting"."value" AS BIGINT) + ${n} AS TEXT)`);
  }
}

/** The tallies of pruned refusals by channel. */
export async function prunedRefusals(db: Db): Promise<Map<string, number>> {
  const rows = await db.setting.findMany({
    where: { key: { startsWith: PRUNED_REFUSALS_PREFIX } },
  });
  return new Map(
    rows.map((r) => [r.key.slice(PRUNED_REFUSALS_PREFIX.length), Number(r.value) || 0]),
  );
}
