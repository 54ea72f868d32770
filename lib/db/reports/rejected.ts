import type { Db } from "../client";

export interface RejectionInput {
  channel: string;
  /** Source IP, file name or message id. */
  source: string;
  reason: string;
  size: number;
}

export interface RejectedRecord extends RejectionInput {
  id: number;
  receivedAt: Date;
}

export async function recordRejection(db: Db, r: RejectionInput): Promise<void> {
  await db.rejectedReport.create({
    data: {
      channel: r.channel,
      source: r.source.slice(0, 500),
      reason: r.reason.slice(0, 1000),
      size: r.size,
    },
  });
}

export async function listRejected(db: Db, limit = 200): Promise<RejectedRecord[]> {
  return db.rejectedReport.findMany({ orderBy: { id: "desc" }, take: limit });
}
