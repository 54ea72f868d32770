// The report store, one for both engines. Every channel hands in the reports of an input
// together (storeReports); inputs handed in while a transaction is running wait and then
// share the next one (group commit), so a channel that delivers many at once (the CLI, the
// demo, concurrent uploads and POSTs, a mailbox pass over several accounts) pays one commit
// for many reports, and a lone report pays one for itself. One transaction runs at a time
// per client, in arrival order: the first copy of a report is the one stored, on both
// engines. A report is stored whole or not at all: when a batch fails, nothing of it is kept
// and each of its inputs is stored again in its own transaction, so one bad input cannot
// take the others with it.
import { engineOf, type Db } from "../client";
import type { StoreInput } from "./report-rows";
import { storeBatch, type StoreResult } from "./store-batch";

export type { StoreResult } from "./store-batch";

/** Reports per transaction at most: as many as bulk ingestion keeps in flight. */
export const MAX_BATCH_REPORTS = 1024;
/** A transaction may wait this long for a connection and take this long: the largest
 * report the reader accepts takes a few seconds on a loaded machine. */
const TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 };
/** Attempts after a failure that may pass (isTransient). */
const RETRIES = 3;

interface Job {
  inputs: readonly StoreInput[];
  resolve: (r: StoreResult[]) => void;
  reject: (e: unknown) => void;
}

/** The driver's kinds of failure that may pass, as a raw statement's P2010 carries them. */
// SocketTimeout is how the SQLite adapter reports SQLITE_BUSY: another process (the CLI, a
// seeding script) held the write lock longer than SQLITE_BUSY_TIMEOUT_MS (transactions
// begin IMMEDIATE and wait for it, lib/db/sqlite-adapter.ts); a fresh transaction may pass.
const TRANSIENT_KINDS = new Set([
  "ForeignKeyConstraintViolation",
  "TransactionWriteConflict",
  "SocketTimeout",
]);

/**
 * Failures that another attempt may not meet: a domain deleted meanwhile (the next attempt
 * sees it gone; PostgreSQL, read committed), a write conflict or deadlock, a busy database.
 * Prisma's own codes, or the driver's kind of failure behind a raw statement's P2010.
 */
function isTransient(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const { code, meta } = e as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
  };
  if (code === "P2003" || code === "P2034" || code === "P1008") return true;
  const kind = meta?.driverAdapterError?.cause?.kind;
  return code === "P2010" && TRANSIENT_KINDS.has(String(kind));
}

class ReportWriter {
  private queue: Job[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  /** Queued synchronously: callers that call in order are stored in that order. */
  store(inputs: readonly StoreInput[]): Promise<StoreResult[]> {
    if (inputs.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ inputs, resolve, reject });
      if (this.running) return;
      this.running = true;
      // Started on the next turn of the event loop, so everything handed in during this
      // one (a read batch of up to 64 inputs, bulk.ts) shares the first transaction too.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.run(this.nextBatch());
    } finally {
      this.running = false;
    }
  }

  /** Whole jobs, oldest first, up to MAX_BATCH_REPORTS reports (at least one job). */
  private nextBatch(): Job[] {
    let reports = 0;
    let n = 0;
    for (const job of this.queue) {
      if (n > 0 && reports + job.inputs.length > MAX_BATCH_REPORTS) break;
      reports += job.inputs.length;
      n++;
    }
    return this.queue.splice(0, n);
  }

  private async run(jobs: Job[]): Promise<void> {
    try {
      const results = await this.transaction(jobs.flatMap((j) => j.inputs));
      let at = 0;
      for (const job of jobs) {
        job.resolve(results.slice(at, at + job.inputs.length));
        at += job.inputs.length;
      }
    } catch (e) {
      // Nothing of the batch was kept. A lone report is tried again only when the failure
      // may pass; a batch is redone report by report, in order, each in its own transaction.
      const alone = jobs.length === 1 && jobs[0]?.inputs.length === 1;
      for (const job of jobs) {
        try {
          job.resolve(alone ? await this.again(job.inputs, e) : await this.oneByOne(job.inputs));
        } catch (err) {
          job.reject(err);
        }
      }
    }
  }

  /** After a failure: tried again while the failure is one that may pass, a few times (a
   * domain being deleted fails inserts until its deletion commits). */
  private async again(inputs: readonly StoreInput[], e: unknown): Promise<StoreResult[]> {
    let failure = e;
    for (let attempt = 0; attempt < RETRIES && isTransient(failure); attempt++) {
      try {
        return await this.transaction(inputs);
      } catch (next) {
        failure = next;
      }
    }
    throw failure;
  }

  /** An input's reports, each in its own transaction; the first failure is thrown at the end. */
  private async oneByOne(inputs: readonly StoreInput[]): Promise<StoreResult[]> {
    const out: StoreResult[] = [];
    let failure: { e: unknown } | null = null;
    for (const input of inputs) {
      try {
        out.push(...(await this.transaction([input]).catch((e) => this.again([input], e))));
      } catch (e) {
        failure ??= { e };
      }
    }
    if (failure) throw failure.e;
    return out;
  }

  private transaction(inputs: readonly StoreInput[]): Promise<StoreResult[]> {
    const engine = engineOf(this.db);
    return this.db.$transaction((tx) => storeBatch({ tx, engine }, inputs), TX_OPTIONS);
  }
}

const writers = new WeakMap<Db, ReportWriter>();

/**
 * Stores the reports read from one input (or several inputs' reports), results in the same
 * order. Queued before this returns its promise (see ReportWriter.store).
 */
export function storeReports(db: Db, inputs: readonly StoreInput[]): Promise<StoreResult[]> {
  let w = writers.get(db);
  if (!w) {
    w = new ReportWriter(db);
    writers.set(db, w);
  }
  return w.store(inputs);
}

/** One report: storeReports for a single input. */
export async function storeReport(db: Db, input: StoreInput): Promise<StoreResult> {
  const [r] = await storeReports(db, [input]);
  if (!r) throw new Error("the store returned no result");
  return r;
}
