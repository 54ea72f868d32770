// Refused submissions, shown to admins (Settings → Rejected submissions). Anyone on the
// internet can cause a refusal, so the table is bounded (issue 11): a repeat of the same
// channel, source and reason within MERGE_WINDOW_MS adds to the count of the row already
// there; past MAX_ROWS_PER_WINDOW new rows in a window (many sources at once), refusals are
// counted in one row per channel and window under OVERFLOW_SOURCE; rows older than the
// retention (STS_REJECTED_RETENTION_DAYS) are pruned daily with the raw inputs; what a
// prune deletes is added to the per-channel tally behind sts_reports_refused_total.
import type { NestedMessageRef } from "@/lib/i18n/message-ref";
import { Prisma } from "@/prisma/generated/sqlite/client";
import type { Db } from "../client";
import { addPrunedRefusals } from "../metrics/pruned-refusals";

export const MERGE_WINDOW_MS = 60_000;
export const MAX_ROWS_PER_WINDOW = 60;
export const OVERFLOW_SOURCE = "(many sources: not itemised)";
export const OVERFLOW_REASON = "more refusals in a minute than are listed one by one";
const BATCH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RejectionInput {
  channel: string;
  /** Source IP, file name or message id. */
  source: string;
  reason: string;
  size: number;
  /** The reason as a message (issue 16 §6): of "reports.rejected.reasons" where the sentence
   * is ours, of "tlsrptReader" (`namespace`) for the reader's refusals; a quoted reason is
   * nested. None for the worker pool's own refusals, which show in English. */
  ref?: NestedMessageRef | undefined;
}

export interface RejectedRecord extends Omit<RejectionInput, "ref"> {
  id: number;
  receivedAt: Date;
  /** Refusals this row stands for (repeats within a minute share a row). */
  count: number;
  reasonRef: NestedMessageRef | null;
}

/** A stored row as the pages get it: the reason's message parsed. */
export function asRejectedRecord<T extends { reasonI18n: string | null }>({
  reasonI18n,
  ...r
}: T): Omit<T, "reasonI18n"> & { reasonRef: NestedMessageRef | null } {
  let reasonRef: NestedMessageRef | null = null;
  try {
    const v = reasonI18n ? (JSON.parse(reasonI18n) as Partial<NestedMessageRef> | null) : null;
    if (v && typeof v.key === "string") reasonRef = v as NestedMessageRef;
  } catch {
    reasonRef = null;
  }
  return { ...r, reasonRef };
}

export async function recordRejection(
  db: Db,
  r: RejectionInput,
  now: Date = new Date(),
): Promise<void> {
  const since = new Date(now.getTime() - MERGE_WINDOW_MS);
  let source = r.source.slice(0, 500);
  let reason = r.reason.slice(0, 1000);
  let ref = r.ref && reason === r.reason ? r.ref : undefined;
  const same = () =>
    db.rejectedReport.findFirst({
      where: { channel: r.channel, source, reason, receivedAt: { gte: since } },
      orderBy: { id: "desc" },
      select: { id: true, size: true },
    });
  let row = await same();
  if (!row) {
    const recent = await db.rejectedReport.count({ where: { receivedAt: { gte: since } } });
    if (recent >= MAX_ROWS_PER_WINDOW) {
      source = OVERFLOW_SOURCE;
      reason = OVERFLOW_REASON;
      ref = { key: "overflow" };
      row = await same();
    }
  }
  if (row) {
    await db.rejectedReport.update({
      where: { id: row.id },
      data: { count: { increment: 1 }, size: Math.max(row.size, r.size) },
    });
    return;
  }
  await db.rejectedReport.create({
    data: {
      channel: r.channel,
      source,
      reason,
      size: r.size,
      receivedAt: now,
      reasonI18n: ref ? JSON.stringify(ref) : null,
    },
  });
}

export async function listRejected(db: Db, limit = 200): Promise<RejectedRecord[]> {
  const rows = await db.rejectedReport.findMany({ orderBy: { id: "desc" }, take: limit });
  return rows.map(asRejectedRecord);
}

/** Deletes rows older than retentionDays, in batches of bounded id lists; returns how many. */
export async function pruneRejected(
  db: Db,
  retentionDays: number,
  now: Date = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let deleted = 0;
  for (;;) {
    const rows = await db.rejectedReport.findMany({
      where: { receivedAt: { lt: cutoff } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) return deleted;
    deleted += await db.$transaction(async (tx) => {
      // RETURNING: only the rows this prune deleted are tallied, even beside another prune.
      const gone = await tx.$queryRaw<{ channel: string; count: number | bigint }[]>(
        Prisma.sql`DELETE FROM "RejectedReport" WHERE "id" IN (${Prisma.join(rows.map((x) => x.id))})
          RETURNING "channel", "count"`,
      );
      await addPrunedRefusals(
        tx,
        gone.map((g) => ({ channel: g.channel, count: Number(g.count) })),
      );
      return gone.length;
    });
    if (rows.length < BATCH) return deleted;
  }
}
