// bench:watch (issue 14): better-sqlite3 commits on the event loop, so a commit that waits
// for an fsync stalls every request. The app's connection still waits for it by default
// ("full": nothing a sender was told is stored is lost on a power cut); STS_SQLITE_SYNC=normal
// lets commits sync at WAL checkpoints instead.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbConfigFromEnv } from "@/lib/config/database";
import { createDb } from "./client";
import { applyMigrations } from "./migrate";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sts-sync-"));
  file = path.join(dir, "sync.db");
  await applyMigrations({ provider: "sqlite", url: file });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** PRAGMA synchronous as the app's connection answers it: 1 NORMAL, 2 FULL. */
async function synchronousOf(env: { STS_SQLITE_SYNC?: string }): Promise<number> {
  const db = createDb(dbConfigFromEnv({ NODE_ENV: "test", DATABASE_URL: `file:${file}`, ...env }));
  try {
    const rows = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    return Number(rows[0]?.synchronous);
  } finally {
    await db.$disconnect();
  }
}

describe("STS_SQLITE_SYNC: when an SQLite commit reaches the disk", () => {
  it("unset: FULL, an fsync per commit (durable on a power cut)", async () => {
    expect(await synchronousOf({})).toBe(2);
    expect(await synchronousOf({ STS_SQLITE_SYNC: "" })).toBe(2);
    expect(await synchronousOf({ STS_SQLITE_SYNC: "full" })).toBe(2);
  });

  it("normal: NORMAL, the WAL syncs at checkpoints; the value is read case-insensitively", async () => {
    expect(await synchronousOf({ STS_SQLITE_SYNC: "normal" })).toBe(1);
    expect(await synchronousOf({ STS_SQLITE_SYNC: " NORMAL " })).toBe(1);
  });

  it("anything else stops the start with a message naming the variable", () => {
    expect(() =>
      dbConfigFromEnv({ NODE_ENV: "test", DATABASE_URL: `file:${file}`, STS_SQLITE_SYNC: "off" }),
    ).toThrow('STS_SQLITE_SYNC must be normal or full; got "off"');
  });
});
