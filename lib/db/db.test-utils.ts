import { createHash, randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createDb, type Db } from "./client";
import type { DbConfig } from "./config";
import type { Actor } from "./domains/domains";
import { applyMigrations, listMigrations } from "./migrate";
// Recomputations a test's writes queued finish before its database goes away (issue 13).
import { settleVerdicts } from "./readiness/verdict-queue";
import { createFirstAdmin } from "./users/users";

// Test databases: a fresh SQLite file by default; under `npm run test:pg` (DATABASE_URL is
// a local PostgreSQL server) a fresh database on that server. Never a remote server.
// A migrated SQLite database is a copy of a file migrated once, which saves 28 ms a test
// (migrations.test.ts tests applyMigrations itself). On PostgreSQL, copying a migrated
// template database measured slower than migrating a fresh one (410 against 290 ms a test).

export interface TestDb {
  db: Db;
  config: DbConfig;
  close(): Promise<void>;
}

/** `migrate: false` leaves the database empty (for tests of the migrations themselves). */
export async function openTestDb(opts: { migrate?: boolean } = {}): Promise<TestDb> {
  const url = process.env.DATABASE_URL ?? "";
  const migrate = opts.migrate ?? true;
  return /^postgres(ql)?:\/\//.test(url) ? openPg(url, migrate) : openSqlite(migrate);
}

const MIGRATE_SOURCE = fileURLToPath(new URL("./migrate.ts", import.meta.url));
let sqliteTemplate: Promise<string> | undefined;

/**
 * A migrated SQLite file, which each test's database copies. Test processes come and go
 * (Vitest ends its workers without an exit event), so the file is kept in this user's
 * temporary directory for the next run, named after the migrations and the code that
 * applies them. It is built under a name of its own and renamed when complete, so
 * concurrent workers never see half of one.
 */
function migratedSqliteFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const hash = createHash("sha256").update(readFileSync(MIGRATE_SOURCE));
    for (const m of listMigrations("sqlite")) hash.update(`${m.name}\n${m.sql}\n`);
    const dir = path.join(os.tmpdir(), `sts-test-templates-${process.getuid?.() ?? 0}`);
    const file = path.join(dir, `${hash.digest("hex").slice(0, 16)}.db`);
    if (existsSync(file)) return file;
    const building = path.join(dir, `building-${randomUUID()}.db`);
    await applyMigrations({ provider: "sqlite", url: building });
    renameSync(building, file);
    return file;
  })();
  return sqliteTemplate;
}

async function openSqlite(migrate: boolean): Promise<TestDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sts-test-"));
  const config: DbConfig = { provider: "sqlite", url: path.join(dir, "test.db") };
  // The template was closed cleanly, so it is one file (journal mode WAL is kept in it);
  // the copy has the template's mode, 0600.
  if (migrate) copyFileSync(await migratedSqliteFile(), config.url);
  const db = createDb(config);
  return {
    db,
    config,
    async close() {
      await settleVerdicts(db);
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPg(serverUrl: string, migrate: boolean): Promise<TestDb> {
  const u = new URL(serverUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(u.hostname)) {
    throw new Error(`refusing to run tests against a non-local database (${u.hostname})`);
  }
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  u.pathname = `/${name}`;
  const config: DbConfig = { provider: "postgresql", url: u.toString() };
  if (migrate) await applyMigrations(config);
  const db = createDb(config);
  return {
    db,
    config,
    async close() {
      await settleVerdicts(db);
      await db.$disconnect();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Creates the first admin of a test database: the actor that audit events name. */
export async function createTestActor(db: Db, email = "a@example.com"): Promise<Actor> {
  const name = (email.split("@")[0] ?? "").toUpperCase();
  const admin = await createFirstAdmin(db, { email, name, passwordHash: "h" });
  if (!admin.ok) throw new Error(admin.error);
  return { userId: admin.value.id, email: admin.value.email };
}
