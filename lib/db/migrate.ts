import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { SQLITE_BUSY_TIMEOUT_MS, type DbConfig, type DbProvider } from "./config";
import { secureSqliteFile } from "./file-modes";

// Applies the committed SQL migrations in prisma/migrations/<provider>/ in name order.
// Prisma's own `migrate deploy` needs a native engine that cannot be downloaded offline,
// so the app applies the same files itself, each in one transaction, recording them in
// a table of its own. Creating migrations is scripts/db/new-migration.ts (wasm engine).

const TABLE = "_sts_migrations";

export function migrationsDir(provider: DbProvider, root = process.cwd()): string {
  return path.join(root, "prisma", "migrations", provider);
}

export interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(provider: DbProvider, root = process.cwd()): Migration[] {
  const dir = migrationsDir(provider, root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

export async function applyMigrations(config: DbConfig, root = process.cwd()): Promise<string[]> {
  const migrations = listMigrations(config.provider, root);
  return config.provider === "sqlite"
    ? applySqlite(config.url, migrations)
    : applyPostgres(config.url, migrations);
}

function applySqlite(file: string, migrations: Migration[]): string[] {
  // Issue 11: the file is created 0600 in a 0700 directory before SQLite opens it.
  secureSqliteFile(file);
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    // 8 KiB pages for a new file (a no-op once it has tables): an ingest commit writes each
    // dirty page as two write calls, and 8 KiB pages halve the calls per report
    // (bench:ingest, strace: 3.3 → 1.7 pwrite per report).
    db.pragma("page_size = 8192");
    db.pragma("journal_mode = WAL");
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`,
    );
    const done = new Set(
      db
        .prepare(`SELECT name FROM "${TABLE}"`)
        .all()
        .map((r) => (r as { name: string }).name),
    );
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(`INSERT INTO "${TABLE}" (name, applied_at) VALUES (?, ?)`).run(
          m.name,
          new Date().toISOString(),
        );
      })();
      applied.push(m.name);
    }
    return applied;
  } finally {
    db.close();
    secureSqliteFile(file);
  }
}

async function applyPostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One installation may start several app processes: serialise them on an advisory lock.
    await client.query("SELECT pg_advisory_lock(8461)");
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const res = await client.query<{ name: string }>(`SELECT name FROM "${TABLE}"`);
    const done = new Set(res.rows.map((r) => r.name));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${TABLE}" (name, applied_at) VALUES ($1, now())`, [
          m.name,
        ]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(8461)").catch(() => undefined);
    await client.end();
  }
}
