import path from "node:path";

export type DbProvider = "sqlite" | "postgresql";

export interface DbConfig {
  provider: DbProvider;
  /** For SQLite: an absolute file path. For PostgreSQL: the connection URL. */
  url: string;
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
    return { provider: "sqlite", url: path.resolve(/*turbopackIgnore: true*/ process.cwd(), file) };
  }
  throw new Error(databaseUrlProblem(raw) ?? "DATABASE_URL is not usable");
}
