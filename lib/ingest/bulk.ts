// Many inputs at once (the CLI over a folder, the demo): read one after another, stored
// without waiting for each commit. Up to BULK_IN_FLIGHT reports wait for the store at a
// time, so on SQLite they share commits (group commit, lib/db/reports/sqlite-store.ts)
// instead of paying one commit each. Reports reach the store in input order, so a report
// present in two files is stored from the first and is a duplicate in the second, as it
// would be one file at a time. bench:ingest keeps the same number in flight.
import type { Db } from "@/lib/db/client";
import { readInput, storeRead, type IngestMeta, type IngestOutcome } from "./ingest";

/** Reports waiting for the store at once: matches the store's largest batch. */
export const BULK_IN_FLIGHT = 1024;
/** Bytes held by waiting inputs at once: caps memory when the files are large. */
export const BULK_MAX_BYTES = 64 * 1024 * 1024;

export interface BulkItem {
  meta: IngestMeta;
  load: () => Uint8Array;
}

/** Ingests every item; onOutcome is called in input order, as each outcome is known. */
export async function ingestInOrder(
  db: Db,
  items: Iterable<BulkItem>,
  onOutcome: (outcome: IngestOutcome, index: number) => void = () => {},
): Promise<IngestOutcome[]> {
  const pending: Promise<IngestOutcome>[] = [];
  const budget = new Budget();
  let announced = Promise.resolve();
  for (const item of items) {
    await budget.waitForRoom();
    const bytes = item.load();
    const read = await readInput(bytes, item.meta);
    budget.take(bytes.length);
    const stored = storeRead(db, bytes, item.meta, read).finally(() => budget.give(bytes.length));
    const index = pending.push(stored) - 1;
    announced = announced.then(async () => onOutcome(await stored, index));
    // Handled here so an early failure is not "unhandled" before the final await.
    announced.catch(() => {});
  }
  await announced;
  return Promise.all(pending);
}

/** How many inputs and bytes are waiting for the store; the loop waits while full. */
class Budget {
  private count = 0;
  private bytes = 0;
  private wake: (() => void) | null = null;

  async waitForRoom(): Promise<void> {
    while (this.count >= BULK_IN_FLIGHT || (this.count > 0 && this.bytes >= BULK_MAX_BYTES)) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  take(n: number): void {
    this.count++;
    this.bytes += n;
  }

  give(n: number): void {
    this.count--;
    this.bytes -= n;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
