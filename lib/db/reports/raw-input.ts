// The bytes of one input, kept once for audit (issue 11, deliverable 4). Every report read
// from an input references the same RawInput row, and an input received again (same
// sha256) references the row already there, so one 1 MiB input holding 2,500 reports
// stores 1 MiB, not 2.5 GB. The row is written in the transaction of the first report that
// is actually stored from it: a duplicate or refused input writes no RawInput, and a report
// and its raw reference commit together. Rows left without any report (their reports were
// deleted) are removed by pruneRawInputs.
import { hash } from "node:crypto";
import type { Prisma } from "@/prisma/generated/sqlite/client";

/** Raw bytes kept for audit up to this size; larger inputs keep only their size. */
export const RAW_CAP = 1024 * 1024;

export interface RawBytes {
  /** sha256 of bytes, lowercase hex: the dedupe key. */
  sha256: string;
  bytes: Uint8Array;
}

/** The bytes to keep with an input's reports, or null when over RAW_CAP. */
export function rawBytesOf(bytes: Uint8Array): RawBytes | null {
  if (bytes.length > RAW_CAP) return null;
  return { sha256: hash("sha256", bytes, "hex"), bytes };
}

/**
 * The RawInput id for these bytes inside a report's transaction (the Prisma path; SQLite's
 * fast path does the same with prepared statements in sqlite-write.ts). Looked up first, so
 * the bytes travel to the server once per input, not once per report. ON CONFLICT DO
 * NOTHING, not a plain insert: on PostgreSQL a concurrent transaction may insert the same
 * input, and a unique violation would abort this report's transaction.
 */
export async function rawInputIdFor(tx: Prisma.TransactionClient, raw: RawBytes): Promise<number> {
  const lookUp = () =>
    tx.rawInput.findUnique({ where: { sha256: raw.sha256 }, select: { id: true } });
  const found = await lookUp();
  if (found) return found.id;
  // receivedAt: the column default (the engine's clock).
  const [inserted] = await tx.$queryRaw<
    { id: number }[]
  >`INSERT INTO "RawInput" ("sha256", "bytes", "size")
    VALUES (${raw.sha256}, ${raw.bytes}, ${raw.bytes.length})
    ON CONFLICT ("sha256") DO NOTHING RETURNING "id"`;
  if (inserted) return Number(inserted.id);
  // Inserted meanwhile by a transaction that committed first.
  const other = await lookUp();
  if (!other) throw new Error(`raw input ${raw.sha256} vanished while it was being stored`);
  return other.id;
}
