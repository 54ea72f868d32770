// The SQLite connection ingestion writes through (sqlite-store.ts) and its prepared
// statements: a second connection to the app's database file, tuned for group commits.
import Database from "better-sqlite3";

export type IngestStatements = ReturnType<typeof openIngestConnection>;

/** Rollup rows per upsert statement at most; a report with more takes several (issue 11:
 * SQLite binds at most 32,766 parameters per statement). */
export const ROLLUP_ROWS_MAX = 64;

export function openIngestConnection(file: string) {
  const c = new Database(file);
  c.pragma("journal_mode = WAL");
  c.pragma("synchronous = NORMAL");
  // No foreign-key checks on this connection: each would be one more b-tree search per
  // row (~10% of bench:ingest), and every parent is certain by construction. Report and
  // ReportPolicy parents are rows this same transaction just wrote; domain ids come from
  // the map sqlite-store.ts re-reads inside BEGIN IMMEDIATE whenever another connection
  // has committed, and no connection can commit while this one holds the write lock, so
  // no domain can vanish before COMMIT. Cascading deletes run on the deleting connection
  // (Prisma's), which keeps the checks on.
  c.pragma("foreign_keys = OFF");
  // Never wait inside SQLite: that would block the event loop (see sqlite-store.ts).
  c.pragma("busy_timeout = 0");
  // Fewer, larger checkpoints (each one syncs the file) and room for the indexes.
  c.pragma("wal_autocheckpoint = 8000");
  c.pragma("cache_size = -65536");
  const q = {
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
    rawId: c.prepare<[string], number>(`SELECT "id" FROM "RawInput" WHERE "sha256" = ?`).pluck(),
    rawInsert: c.prepare<[string, Uint8Array, number, string]>(
      `INSERT INTO "RawInput" ("sha256", "bytes", "size", "receivedAt") VALUES (?, ?, ?, ?)`,
    ),
    report: c.prepare(
      `INSERT INTO "Report" ("reporterKey", "organization", "contactInfo", "reportId",
        "contentHash", "startDatetime", "endDatetime", "reportDay", "channel", "receivedAt",
        "warnings", "conflict", "rawInputId", "rawSize", "auth", "authDomain")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
  /** A multi-row upsert of n rollup rows (1 ≤ n ≤ ROLLUP_ROWS_MAX: a statement per count,
   * so the statements kept stay few and each binds at most 6 × 64 parameters). */
  const rollups = new Map<number, Database.Statement>();
  const rollup = (n: number): Database.Statement => {
    if (n < 1 || n > ROLLUP_ROWS_MAX) throw new RangeError(`rollup statement for ${n} rows`);
    let st = rollups.get(n);
    if (!st) {
      const values = Array.from({ length: n }, () => "(?, ?, ?, ?, ?, ?)").join(", ");
      st = c.prepare(
        `INSERT INTO "DailyRollup" ("domainId", "day", "mxHost", "resultType", "reporterKey", "sessions")
        VALUES ${values}
        ON CONFLICT ("domainId", "day", "mxHost", "resultType", "reporterKey")
        DO UPDATE SET "sessions" = "sessions" + excluded."sessions"`,
      );
      rollups.set(n, st);
    }
    return st;
  };
  return { conn: c, ...q, rollup };
}
