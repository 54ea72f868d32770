// Issue 11, files: after the start code creates (or finds) the SQLite database, data/ is
// exactly 0700 and the database, its -wal/-shm and the secret files are exactly 0600.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./client";
import { dataDirOf, secureDataDir } from "./file-modes";
import { applyMigrations } from "./migrate";

const root = mkdtempSync(path.join(os.tmpdir(), "sts-modes-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (p: string) => (statSync(p).mode & 0o777).toString(8);

describe("file modes (issue 11)", () => {
  it("a new database: data/ is 0700, the file and its -wal/-shm are 0600", async () => {
    const previous = process.umask(0o022);
    try {
      const dir = dataDirOf(path.join(root, "fresh"));
      const file = path.join(dir, "sts-rollout.db");
      await applyMigrations({ provider: "sqlite", url: file });
      expect(modeOf(dir)).toBe("700");
      expect(modeOf(file)).toBe("600");
      // The app's own connection creates -wal and -shm: with the database file's mode.
      const db = createDb({ provider: "sqlite", url: file });
      await db.setting.create({ data: { key: "k", value: "v" } });
      expect([modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual(["600", "600"]);
      await db.$disconnect();
    } finally {
      process.umask(previous);
    }
  });

  it("an existing install with loose modes is tightened at start", async () => {
    const dir = dataDirOf(path.join(root, "old"));
    const file = path.join(dir, "sts-rollout.db");
    await applyMigrations({ provider: "sqlite", url: file });
    // A running app keeps -wal and -shm open (the last connection to close removes them).
    const db = createDb({ provider: "sqlite", url: file });
    await db.setting.create({ data: { key: "k", value: "v" } });
    writeFileSync(path.join(dir, "auth-secret"), "s3cret");
    mkdirSync(path.join(dir, "e2e-3103"));
    for (const f of [file, `${file}-wal`, `${file}-shm`, path.join(dir, "auth-secret")]) {
      chmodSync(f, 0o644);
    }
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, "e2e-3103"), 0o755);

    await applyMigrations({ provider: "sqlite", url: file });
    secureDataDir(dir);

    expect(modeOf(dir)).toBe("700");
    expect({
      db: modeOf(file),
      wal: modeOf(`${file}-wal`),
      shm: modeOf(`${file}-shm`),
      secret: modeOf(path.join(dir, "auth-secret")),
    }).toEqual({ db: "600", wal: "600", shm: "600", secret: "600" });
    // Subdirectories (an e2e run's files) are not the data directory's business.
    expect(modeOf(path.join(dir, "e2e-3103"))).toBe("755");
    await db.$disconnect();
  });

  it("leaves a missing data directory alone (PostgreSQL installs need none)", () => {
    const dir = dataDirOf(path.join(root, "none"));
    secureDataDir(dir);
    expect(() => statSync(dir)).toThrow(/ENOENT/);
  });
});
