// `npm run user` end to end on a temporary SQLite file: it needs no setup code, and once it
// has added the first user the setup code a running server printed is forgotten.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceSetupCode } from "@/lib/auth/first-run";
import { setupCodeFile } from "@/lib/auth/setup-code";
import { createDb, type Db } from "@/lib/db/client";
import type { DbConfig } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";
import { findSessionUser, findUserForSignIn } from "@/lib/db/users/users";

const run = promisify(execFile);
let dir: string;
let config: DbConfig;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sts-user-cli-"));
  config = { provider: "sqlite", url: path.join(dir, "cli.db") };
  await applyMigrations(config);
  db = createDb(config);
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) =>
  run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/user.ts", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${config.url}` },
  });

describe("npm run user", () => {
  it("adds the first admin without the setup code, which is then forgotten", async () => {
    const code = await announceSetupCode(db, config, { warn: () => undefined }, "http://x");
    expect(code).not.toBeNull();
    expect(existsSync(setupCodeFile(config))).toBe(true);
    const r = await cli("add", "ops@example.test", "--name", "Ops");
    expect(r.stdout).toMatch(/^added admin ops@example\.test\npassword: [\w-]{20}\n$/);
    expect(existsSync(setupCodeFile(config))).toBe(false);
    expect(await db.setting.count({ where: { key: { startsWith: "setup-code:" } } })).toBe(0);
  }, 60_000);

  it("reset ends the user's open sessions", async () => {
    const before = await findUserForSignIn(db, "ops@example.test");
    expect(before?.sessionVersion).toBe(0);
    const r = await cli("reset", "ops@example.test");
    expect(r.stdout.split("\n")[0]).toBe(
      "password reset for ops@example.test; their open sessions have ended",
    );
    expect(await findSessionUser(db, before!.id, 0)).toBeNull();
    expect((await findSessionUser(db, before!.id, 1))?.email).toBe("ops@example.test");
  }, 60_000);
});
