// Many inputs at once (the CLI over a folder, the demo): read one after another, stored
// without waiting for each commit. Up to BULK_IN_FLIGHT reports wait for the store at a
// time, so on SQLite they share commits (group commit, lib/db/reports/sqlite-store.ts)
// instead of paying one commit each. Reports reach the store in input order, and a report
// present in two files is stored from the first and is a duplicate in the second, as it
// would be one file at a time. bench:ingest keeps the same number in flight.
import type { Db } from "@/lib/db/client";
import { dedupeKey } from "@/lib/tlsrpt/content-hash";
import {
  readInput,
  storeRead,
  type IngestMeta,
  type IngestOutcome,
  type ReadInput,
} from "./ingest";

/** Reports waiting for the store at once: matches the store's largest batch. */
export const BULK_IN_FLIGHT = 1024;
/** Bytes held by waiting inputs at once: caps memory when the files are large. */
export const BULK_MAX_BYTES = 64 * 1024 * 1024;
/** Inputs being read at once, ahead of the store: keeps a few worker threads busy. */
export const READ_AHEAD = 8;

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
  // Dedupe key → the store of the input that holds it. A later input with the same report
  // waits for it, so the first copy is the one stored on every engine (PostgreSQL runs
  // concurrent stores as concurrent transactions, which could otherwise finish in any order).
  const storing = new Map<string, Promise<IngestOutcome>>();
  let announced = Promise.resolve();
  for await (const { item, bytes, read } of readAhead(items)) {
    await budget.waitForRoom();
    const keys = read.ok ? read.value.reports.map(dedupeKey) : [];
    const earlier = keys.flatMap((k) => storing.get(k) ?? []);
    if (earlier.length > 0) await Promise.allSettled(earlier);
    budget.take(bytes.length);
    const stored = storeRead(db, bytes, item.meta, read).finally(() => {
      budget.give(bytes.length);
      for (const k of keys) if (storing.get(k) === stored) storing.delete(k);
    });
    for (const k of keys) storing.set(k, stored);
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

/** The items read in the pool, READ_AHEAD at a time, yielded in input order. */
async function* readAhead(items: Iterable<BulkItem>): AsyncGenerator<Read> {
  const window: { item: BulkItem; bytes: Uint8Array; read: Promise<ReadInput> }[] = [];
  const next = async (): Promise<Read> => {
    const head = window.shift();
    if (!head) throw new Error("readAhead: empty window");
    return { ...head, read: await head.read };
  };
  for (const item of items) {
    const bytes = item.load();
    window.push({ item, bytes, read: readInput(bytes, item.meta) });
    if (window.length >= READ_AHEAD) yield await next();
  }
  while (window.length > 0) yield await next();
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
