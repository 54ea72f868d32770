// The bytes of one input, kept once for audit (issue 11, deliverable 4). Every report read
// from an input references the same RawInput row, and an input received again (same
// sha256) references the row already there, so one 1 MiB input holding 2,500 reports
// stores 1 MiB, not 2.5 GB. The row is written in the transaction of the first report that
// is actually stored from it: a duplicate or refused input writes no RawInput, and a report
// and its raw reference commit together. Rows left without any report (their reports were
// deleted) are removed by pruneRawInputs. The store writes the rows (batch-lookups.ts).
import { hash } from "node:crypto";

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
