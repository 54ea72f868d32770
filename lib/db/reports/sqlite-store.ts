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
import Database from "better-sqlite3";
import type { Db } from "../client";
import { jsonStringList } from "@/lib/tlsrpt/content-hash";
import { conflictWarning } from "./conflict";
import { reporterKeyOf, rollupRows, warningsJson, type StoreInput } from "./report-rows";
import type { StoreResult } from "./store-report";
import { unknownDomainsOf } from "./unknown-domains";

/** Prisma's SQLite adapter stores DateTime as ISO text with an explicit +00:00 offset. */
const sqliteTime = (d: Date) => `${d.toISOString().slice(0, -1)}+00:00`;

/** sqliteTime for report periods, remembered: a day's reports share their start and end
 * times, and toISOString is a noticeable part of a report's storage cost. */
const periodTimes = new Map<number, string>();
function periodTime(d: Date): string {
  const ms = d.getTime();
  let s = periodTimes.get(ms);
  if (s === undefined) {
    if (periodTimes.size >= 4096) periodTimes.clear();
    s = sqliteTime(d);
    periodTimes.set(ms, s);
  }
  return s;
}

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
  private readonly conn: Database.Database;
  private readonly q;
  private queue: Pending[] = [];
  private scheduled = false;
  private busySince = 0;
  private domains = new Map<string, string>();
  private domainsVersion = -1;
  /** Set after a batch failed without savepoints; the next batch uses them. */
  private careful = false;

  constructor(file: string) {
    const c = new Database(file);
    c.pragma("journal_mode = WAL");
    c.pragma("synchronous = NORMAL");
    // No foreign-key checks on this connection: each would be one more b-tree search per
    // row (~10% of bench:ingest), and every parent is certain by construction. Report and
    // ReportPolicy parents are rows this same transaction just wrote; domain ids come from
    // the map refreshDomains re-reads inside BEGIN IMMEDIATE whenever another connection
    // has committed, and no connection can commit while this one holds the write lock, so
    // no domain can vanish before COMMIT. Cascading deletes run on the deleting connection
    // (Prisma's), which keeps the checks on.
    c.pragma("foreign_keys = OFF");
    // Never wait inside SQLite: that would block the event loop (see above).
    c.pragma("busy_timeout = 0");
    // Fewer, larger checkpoints (each one syncs the file) and room for the indexes.
    c.pragma("wal_autocheckpoint = 8000");
    c.pragma("cache_size = -65536");
    this.conn = c;
    this.q = {
      begin: c.prepare("BEGIN IMMEDIATE"),
      commit: c.prepare("COMMIT"),
      rollback: c.prepare("ROLLBACK"),
      savepoint: c.prepare("SAVEPOINT report"),
      release: c.prepare("RELEASE report"),
      undo: c.prepare("ROLLBACK TO report"),
      dataVersion: c.prepare<[], { data_version: number }>("PRAGMA data_version"),
      domains: c.prepare<[], { id: string; name: string }>(`SELECT "id", "name" FROM "Domain"`),
      earlier: c
        .prepare<[string, string], string>(
          `SELECT "contentHash" FROM "Report" WHERE "reporterKey" = ? AND "reportId" = ?`,
        )
        .pluck(),
      report: c.prepare(
        `INSERT INTO "Report" ("reporterKey", "organization", "contactInfo", "reportId",
          "contentHash", "startDatetime", "endDatetime", "reportDay", "channel", "receivedAt",
          "warnings", "conflict", "raw", "rawSize") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      policy: c.prepare(
        `INSERT INTO "ReportPolicy" ("reportRowId", "domainId", "reportDay", "policyType",
          "policyStrings", "mxHosts", "successfulCount", "failedCount") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      failure: c.prepare(
        `INSERT INTO "FailureDetail" ("policyRowId", "domainId", "reportDay", "resultType",
          "sendingMtaIp", "receivingMxHostname", "receivingMxHelo", "receivingIp",
          "failedSessionCount", "additionalInformation", "failureReasonCode")
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      tally: c.prepare(
        `INSERT INTO "UnknownDomainTally" ("submitter", "domain", "count", "lastSeen") VALUES (?, ?, 1, ?)
          ON CONFLICT ("submitter", "domain") DO UPDATE SET "count" = "count" + 1, "lastSeen" = excluded."lastSeen"`,
      ),
    };
  }

  /** One multi-row upsert per report for its rollup rows (a statement per row count). */
  private readonly rollupStmts = new Map<number, Database.Statement>();
  private rollupStmt(n: number): Database.Statement {
    let st = this.rollupStmts.get(n);
    if (!st) {
      const values = Array.from({ length: n }, () => "(?, ?, ?, ?, ?, ?)").join(", ");
      st = this.conn.prepare(
        `INSERT INTO "DailyRollup" ("domainId", "day", "mxHost", "resultType", "reporterKey", "sessions")
          VALUES ${values}
          ON CONFLICT ("domainId", "day", "mxHost", "resultType", "reporterKey")
          DO UPDATE SET "sessions" = "sessions" + excluded."sessions"`,
      );
      this.rollupStmts.set(n, st);
    }
    return st;
  }

  store(input: StoreInput): Promise<StoreResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule(0);
    });
  }

  close(): void {
    this.conn.close();
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
      if (this.conn.inTransaction) q.rollback.run();
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
        out.push({ ok: true, value: this.storeInTx(p.input, now) });
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
      const value = this.storeInTx(input, now);
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

  private storeInTx(input: StoreInput, now: string): StoreResult {
    const { report: r, contentHash } = input;
    const q = this.q;
    const reporterKey = reporterKeyOf(r);
    // The whole name → id map serves as the managed-domain lookup (no per-report copy).
    const ids = this.domains;
    const unknownDomains = unknownDomainsOf(r, ids);
    if (!r.policies.some((p) => p.policyDomain !== null && ids.has(p.policyDomain))) {
      for (const d of unknownDomains) q.tally.run(reporterKey, d, now);
      return { kind: "unmanaged", unknownDomains };
    }
    const earlier = q.earlier.all(reporterKey, r.reportId);
    if (earlier.includes(contentHash)) return { kind: "duplicate", unknownDomains };
    const conflict = earlier.length > 0;
    const warnings = conflict ? [...r.warnings, conflictWarning(r)] : r.warnings;
    const reportRowId = Number(
      q.report.run(
        reporterKey,
        r.organizationName,
        r.contactInfo,
        r.reportId,
        contentHash,
        periodTime(r.startDatetime),
        periodTime(r.endDatetime),
        r.reportDay,
        input.channel,
        now,
        warningsJson(warnings),
        conflict ? 1 : 0,
        input.raw,
        input.rawSize,
      ).lastInsertRowid,
    );
    const plain = r.hashBasis.plain;
    for (const p of r.policies) {
      const domainId = p.policyDomain === null ? undefined : ids.get(p.policyDomain);
      if (domainId === undefined) continue;
      const policyRowId = q.policy.run(
        reportRowId,
        domainId,
        r.reportDay,
        p.policyType,
        jsonStringList(p.policyStrings, plain),
        jsonStringList(p.mxHosts, plain),
        p.totalSuccessfulSessionCount,
        p.totalFailureSessionCount,
      ).lastInsertRowid;
      for (const d of p.failureDetails) {
        q.failure.run(
          policyRowId,
          domainId,
          r.reportDay,
          d.resultType,
          d.sendingMtaIp,
          d.receivingMxHostname,
          d.receivingMxHelo,
          d.receivingIp,
          d.failedSessionCount,
          d.additionalInformation,
          d.failureReasonCode,
        );
      }
    }
    const rollups = rollupRows(r, reporterKey, ids);
    if (rollups.length > 0) {
      const args: (string | number)[] = [];
      for (const x of rollups) {
        args.push(x.domainId, x.day, x.mxHost, x.resultType, x.reporterKey, x.sessions);
      }
      this.rollupStmt(rollups.length).run(args);
    }
    for (const d of unknownDomains) q.tally.run(reporterKey, d, now);
    return { kind: "stored", reportRowId, conflict, unknownDomains };
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
