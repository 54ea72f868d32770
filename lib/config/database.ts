import path from "node:path";

export type DbProvider = "sqlite" | "postgresql";

export interface DbConfig {
  provider: DbProvider;
  /** For SQLite: an absolute file path. For PostgreSQL: the connection URL. */
  url: string;
  /** SQLite only: when a commit reaches the disk (STS_SQLITE_SYNC); default "full". */
  sqliteSync?: SqliteSync;
}

/**
 * STS_SQLITE_SYNC, SQLite's `synchronous` for the app's connection (the file is in WAL
 * mode). "full", the default: every accepted report and saved change is on the disk when
 * the app answers. "normal", for an installation that prefers speed: a commit is written to the WAL without waiting for the disk, which
 * syncs at each checkpoint; the file is never corrupted, an application crash loses
 * nothing, a power loss or OS crash can lose the last commits (a report a sender was told
 * is stored, and will not send again). Under "full" every commit waits for an fsync; better-sqlite3 runs on the event loop, so under "full" each write stalls
 * every request for the fsync: 6 ms median, 18 ms p99 on the CI host, several per
 * scheduled check (bench:watch).
 */
export type SqliteSync = "normal" | "full";
const SQLITE_SYNC_VALUES: readonly SqliteSync[] = ["normal", "full"];

/** STS_SQLITE_SYNC's problem in words, or null when it is unset, normal or full. */
export function sqliteSyncProblem(raw: string | undefined): string | null {
  const v = raw?.trim().toLowerCase() || "full";
  return (SQLITE_SYNC_VALUES as readonly string[]).includes(v)
    ? null
    : `STS_SQLITE_SYNC must be normal or full; got "${raw}"`;
}

function sqliteSyncFromEnv(env: NodeJS.ProcessEnv): SqliteSync {
  const problem = sqliteSyncProblem(env.STS_SQLITE_SYNC);
  if (problem) throw new Error(problem);
  return env.STS_SQLITE_SYNC?.trim().toLowerCase() === "normal" ? "normal" : "full";
}

const DEFAULT_SQLITE = "file:./data/sts-rollout.db";

/**
 * How long an SQLite connection waits for another connection's write lock before it gives up
 * (SQLITE_BUSY, Prisma's P1008). Other processes write to the same file: the CLI
 * (`npm run ingest`, `demo`, `user`) and, in e2e, a spec's seeding script. The longest lock
 * they hold is one store transaction (MAX_BATCH_REPORTS reports, a few seconds on a loaded
 * machine); the wait is a busy wait in the waiting process.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 30_000;

/** DATABASE_URL's problem in words, or null when it names an engine we run. */
export function databaseUrlProblem(raw: string | undefined): string | null {
  const url = raw?.trim() || DEFAULT_SQLITE;
  if (/^postgres(ql)?:\/\//i.test(url) || url.startsWith("file:")) return null;
  return `DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${url.split(":")[0]}:…"`;
}

/**
 * DATABASE_URL picks the engine: `postgres://` or `postgresql://` means PostgreSQL, `file:`
 * (or nothing) means the embedded SQLite file, created on first start.
 */
export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const raw = env.DATABASE_URL?.trim() || DEFAULT_SQLITE;
  if (/^postgres(ql)?:\/\//i.test(raw)) return { provider: "postgresql", url: raw };
  if (raw.startsWith("file:")) {
    const file = raw.slice("file:".length);
    return {
      provider: "sqlite",
      url: path.resolve(/*turbopackIgnore: true*/ process.cwd(), file),
      sqliteSync: sqliteSyncFromEnv(env),
    };
  }
  throw new Error(databaseUrlProblem(raw) ?? "DATABASE_URL is not usable");
}
