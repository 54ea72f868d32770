// Issue 13 (two e2e workers): another process (the CLI, a spec's seeding script) writing to
// the same SQLite file must make the app's writes wait, never fail. A deferred transaction
// that reads first cannot wait for the write lock (SQLite answers SQLITE_BUSY at once to
// avoid a deadlock, Prisma's P1008), so every transaction begins IMMEDIATE and every
// connection waits up to the busy timeout for the lock.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { createTestActor } from "./db.test-utils";
import { removeDomain } from "./domains/domains";
import { applyMigrations } from "./migrate";
import { settleVerdicts } from "./readiness/verdict-queue";

/** Another process takes the write lock, writes a row and holds the lock for holdMs. */
function holdWriteLock(file: string, holdMs: number): Promise<ChildProcess> {
  const code = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT INTO Setting (key, value) VALUES ('holder', 'x')").run();
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("COMMIT"); db.close(); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ["-e", code, file, String(holdMs)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (c) => reject(new Error(`the lock holder exited early (${c})`)));
    child.stdout?.once("data", () => {
      child.removeAllListeners("exit");
      resolve(child);
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", resolve);
  });

describe("SQLite: writes from two processes wait for each other (issue 13)", () => {
  // SQLite whatever DATABASE_URL says: this is about SQLite's locking (also under test:pg).
  let dir: string;
  let file: string;
  let db: Db;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "sts-busy-"));
    file = path.join(dir, "busy.db");
    await applyMigrations({ provider: "sqlite", url: file });
    db = createDb({ provider: "sqlite", url: file });
  });
  afterEach(async () => {
    await settleVerdicts(db);
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a transaction that reads before it writes waits for another process's lock (3 s, over Prisma's 2 s maxWait)", async () => {
    const actor = await createTestActor(db);
    const domain = await db.domain.create({
      data: { name: "busy.example", displayName: "busy" },
    });
    const holder = await holdWriteLock(file, 3_000);
    const started = Date.now();
    // removeDomain reads the row, then deletes it and writes the audit event.
    const removed = await removeDomain(db, domain.id, actor);
    expect(removed.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(await exited(holder)).toBe(0);
    expect(await db.domain.count({ where: { name: "busy.example" } })).toBe(0);
    expect(await db.setting.findUnique({ where: { key: "holder" } })).toMatchObject({
      value: "x",
    });
  }, 60_000);

  it("a single write waits for another process's lock", async () => {
    const holder = await holdWriteLock(file, 1_500);
    await db.setting.create({ data: { key: "mine", value: "y" } });
    expect(await exited(holder)).toBe(0);
    const keys = (await db.setting.findMany({ orderBy: { key: "asc" } })).map((s) => s.key);
    expect(keys).toEqual(["holder", "mine"]);
  }, 60_000);
});
