// The SQLite fast path for storeReport (issue 6 benchmark: ≥ 1,000 reports/s and ≤ 5× the
// gunzip + JSON.parse floor). A Prisma query costs far more JavaScript than the SQLite step
// it wraps, and a report needs about eight, so on SQLite reports are written with prepared
// better-sqlite3 statements over a second connection to the same file.
//
// Group commit: reports handed in during one event-loop turn are written in ONE synchronous
// SQLite transaction, and every caller's promise settles only after the COMMIT that made
// its report durable. Each report is still stored whole or not at all: if any report of
// a batch throws, the batch is rolled back and redone with a SAVEPOINT per report, so the
// error undoes that report only (storeAll, storeOne). The write lock is
// never held across an await, so this connection cannot deadlock with Prisma's connection
// in the same process; when another connection holds the lock (BEGIN IMMEDIATE answers
// SQLITE_BUSY) the batch is retried on a timer instead of blocking the event loop.
import type { Db } from "../client";
import type { StoreInput } from "./report-rows";
import { openIngestConnection, type IngestStatements } from "./sqlite-statements";
import { sqliteTime, writeReport } from "./sqlite-write";
import type { StoreResult } from "./store-report";

interface Pending {
  input: StoreInput;
  resolve: (r: StoreResult) => void;
  reject: (e: unknown) => void;
}

/** Reports per commit at most: as many as bulk ingestion keeps in flight (BULK_IN_FLIGHT).
 * A commit rewrites every index page its reports touched, so larger batches share more. */
const MAX_BATCH = 1024;
const BUSY_RETRY_MS = 5;
const BUSY_GIVE_UP_MS = 30_000;

interface Outcome {
  ok: boolean;
  value: unknown;
}

/** Thrown inside flush when the savepoint-free pass met an error (see storeAll). */
const RETRY_CAREFULLY = Symbol("retry with a savepoint per report");

const sqliteCode = (e: unknown): string =>
  typeof e === "object" && e !== null ? String((e as { code?: unknown }).code ?? "") : "";

export class SqliteReportStore {
  private readonly q: IngestStatements;
  private queue: Pending[] = [];
  private scheduled = false;
  private busySince = 0;
  private domains = new Map<string, string>();
  private domainsVersion = -1;
  /** Set after a batch failed without savepoints; the next batch uses them. */
  private careful = false;

  constructor(file: string) {
    this.q = openIngestConnection(file);
  }

  store(input: StoreInput): Promise<StoreResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule(0);
    });
  }

  close(): void {
    this.q.conn.close();
  }

  private schedule(delayMs: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.flush();
    };
    if (delayMs > 0) setTimeout(run, delayMs);
    else setImmediate(run);
  }

  private flush(): void {
    if (this.queue.length === 0) return;
    const q = this.q;
    try {
      q.begin.run();
    } catch (e) {
      if (sqliteCode(e) === "SQLITE_BUSY" && this.keepWaiting())
        return this.schedule(BUSY_RETRY_MS);
      for (const p of this.queue.splice(0)) p.reject(e);
      return;
    }
    this.busySince = 0;
    const batch = this.queue.splice(0, MAX_BATCH);
    let results: Outcome[];
    try {
      this.refreshDomains();
      // One receipt time for the batch: its reports arrive within the same few milliseconds.
      const now = sqliteTime(new Date());
      results = this.careful
        ? batch.map((p) => this.storeOne(p.input, now))
        : this.storeAll(batch, now);
      q.commit.run();
      this.careful = false;
    } catch (e) {
      if (this.q.conn.inTransaction) q.rollback.run();
      if (e === RETRY_CAREFULLY) {
        // Nothing of this batch was kept: do it again, each report in its own savepoint.
        this.careful = true;
        this.queue.unshift(...batch);
      } else {
        for (const p of batch) p.reject(e);
      }
      return;
    } finally {
      if (this.queue.length > 0) this.schedule(0);
    }
    for (let i = 0; i < batch.length; i++) {
      const p = batch[i] as Pending;
      const r = results[i] as Outcome;
      if (r.ok) p.resolve(r.value as StoreResult);
      else p.reject(r.value);
    }
  }

  /**
   * The common case: the whole batch without savepoints, which cost more than the rows
   * themselves (a savepoint journals every page a report touches). Duplicates, conflicts
   * and unmanaged domains are return values, not errors, so normally nothing throws here;
   * if anything does, the caller rolls the whole transaction back and redoes the batch
   * report by report (storeOne), so one bad report still cannot take the others with it.
   */
  private storeAll(batch: Pending[], now: string): Outcome[] {
    const out: Outcome[] = [];
    for (const p of batch) {
      try {
        out.push({ ok: true, value: writeReport(this.q, this.domains, p.input, now) });
      } catch {
        throw RETRY_CAREFULLY;
      }
    }
    return out;
  }

  private keepWaiting(): boolean {
    const now = Date.now();
    if (this.busySince === 0) this.busySince = now;
    return now - this.busySince < BUSY_GIVE_UP_MS;
  }

  /** One report in its own savepoint: whole or not at all. */
  private storeOne(input: StoreInput, now: string): Outcome {
    this.q.savepoint.run();
    try {
      const value = writeReport(this.q, this.domains, input, now);
      this.q.release.run();
      return { ok: true, value };
    } catch (e) {
      this.q.undo.run();
      this.q.release.run();
      const code = sqliteCode(e);
      // The unique key is the last word on duplicates (the lookup in storeInTx sees every
      // committed copy, so this is a safety net, not a path taken).
      if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
        return { ok: true, value: { kind: "duplicate", unknownDomains: [] } };
      }
      return { ok: false, value: e };
    }
  }

  /** The managed domains, re-read only when another connection has committed since
   * (PRAGMA data_version changes exactly then). */
  private refreshDomains(): void {
    const v = this.q.dataVersion.get()?.data_version ?? -2;
    if (v === this.domainsVersion) return;
    this.domains = new Map(this.q.domains.all().map((d) => [d.name, d.id]));
    this.domainsVersion = v;
  }
}

// One store per Prisma client; null when the client is not SQLite. `ready` holds the
// settled value so the per-report path needs no await to find it.
const stores = new WeakMap<Db, Promise<SqliteReportStore | null>>();
const ready = new WeakMap<Db, SqliteReportStore | null>();

/** The store if already known (undefined: not looked up yet, see sqliteStoreFor). */
export const readySqliteStore = (db: Db): SqliteReportStore | null | undefined => ready.get(db);

/** The file behind a SQLite client (PRAGMA database_list), or null for PostgreSQL. */
async function sqliteFileOf(db: Db): Promise<string | null> {
  try {
    const rows = await db.$queryRawUnsafe<{ file: string }[]>(
      `SELECT "file" FROM pragma_database_list WHERE "name" = 'main'`,
    );
    return rows[0]?.file || null;
  } catch {
    return null; // not SQLite: PostgreSQL has no pragma_database_list
  }
}

export function sqliteStoreFor(db: Db): Promise<SqliteReportStore | null> {
  let s = stores.get(db);
  if (!s) {
    s = sqliteFileOf(db).then((file) => {
      const store = file ? new SqliteReportStore(file) : null;
      ready.set(db, store);
      return store;
    });
    stores.set(db, s);
  }
  return s;
}

/** For tests and the benchmark: close the second connection before deleting the file. */
export async function closeSqliteStore(db: Db): Promise<void> {
  const s = await stores.get(db);
  s?.close();
  stores.delete(db);
  ready.delete(db);
}
