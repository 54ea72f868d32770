// Rejected submissions, a page at a time (issue 16): keyset paging on the id, newest
// first, filtered by channel and day, so every row is reachable, not only the first 200.
import { dayRange, type Cursor } from "@/lib/lists/params";
import type { Db } from "../client";
import { asRejectedRecord, type RejectedRecord } from "./rejected";

export interface RejectedQuery {
  channel?: string | null;
  from?: string | null;
  to?: string | null;
  after?: Cursor | null;
  take?: number;
}

export interface RejectedPage {
  rows: RejectedRecord[];
  next: Cursor | null;
}

export async function pageRejected(db: Db, q: RejectedQuery = {}): Promise<RejectedPage> {
  const take = q.take ?? 50;
  const rows = await db.rejectedReport.findMany({
    where: {
      ...(q.channel ? { channel: q.channel } : {}),
      ...(q.from || q.to ? { receivedAt: dayRange(q.from ?? null, q.to ?? null) } : {}),
      ...(q.after ? { id: { lt: q.after.id } } : {}),
    },
    orderBy: { id: "desc" },
    take: take + 1,
  });
  const shown = rows.slice(0, take).map(asRejectedRecord);
  const last = shown[shown.length - 1];
  return { rows: shown, next: rows.length > take && last ? { at: 0, id: last.id } : null };
}
