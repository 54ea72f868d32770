// Many inputs at once (the CLI over a folder, the demo): read one after another, stored
// without waiting for each commit. Up to BULK_IN_FLIGHT reports wait for the store at a
// time, so they share transactions on both engines (group commit,
// lib/db/reports/store-reports.ts) instead of paying one commit each. Reports reach the
// store's queue in input order and are stored in that order, so a report present in two
// files is stored from the first and is a duplicate in the second, as it would be one file
// at a time. Inputs are read in the worker pool in batches (one thread hop
// for up to BATCH_INPUTS inputs), each input still under its own deadline (lib/pool/pool.ts).
import type { Db } from "@/lib/db/client";
import {
  readInputs,
  storeRead,
  type IngestMeta,
  type IngestOutcome,
  type ReadInput,
} from "./ingest";

/** Inputs waiting for the store at once: matches the store's largest batch (MAX_BATCH_REPORTS). */
export const BULK_IN_FLIGHT = 1024;
/** Bytes held by waiting inputs at once: caps memory when the files are large. */
export const BULK_MAX_BYTES = 64 * 1024 * 1024;
/** A pool task reads up to this many inputs, or until it holds BATCH_BYTES: a hop to a
 * worker thread and back costs about as much CPU as reading a small report. */
export const BATCH_INPUTS = 64;
export const BATCH_BYTES = 1024 * 1024;
/** Batches being read at once, ahead of the store: keeps a few worker threads busy. */
export const READ_AHEAD = 4;

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
  for await (const { item, bytes, read } of readAhead(items)) {
    await budget.waitForRoom();
    budget.take(bytes.length);
    // storeRead queues the input's reports before it returns: input order is store order.
    const stored = storeRead(db, bytes, item.meta, read).finally(() => budget.give(bytes.length));
    const index = pending.push(stored) - 1;
    announced = announced.then(async () => onOutcome(await stored, index));
    // Handled here so an early failure is not "unhandled" before the final await.
    announced.catch(() => {});
  }
  await announced;
  return Promise.all(pending);
}

interface Read {
  item: BulkItem;
  bytes: Uint8Array;
  read: ReadInput;
}

/** The items read in the pool in batches, READ_AHEAD batches at a time, yielded in input order. */
async function* readAhead(items: Iterable<BulkItem>): AsyncGenerator<Read> {
  const window: Promise<Read[]>[] = [];
  let batch: Omit<Read, "read">[] = [];
  let size = 0;
  const send = () => {
    window.push(readBatch(batch));
    batch = [];
    size = 0;
  };
  for (const item of items) {
    const bytes = item.load();
    batch.push({ item, bytes });
    size += bytes.length;
    if (batch.length >= BATCH_INPUTS || size >= BATCH_BYTES) send();
    if (window.length >= READ_AHEAD) yield* await (window.shift() as Promise<Read[]>);
  }
  if (batch.length > 0) send();
  for (const reads of window) yield* await reads;
}

async function readBatch(batch: Omit<Read, "read">[]): Promise<Read[]> {
  const reads = await readInputs(batch.map(({ item, bytes }) => ({ bytes, meta: item.meta })));
  return batch.map((b, i) => ({ ...b, read: reads[i] as ReadInput }));
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
