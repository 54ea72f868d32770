// The CLI end to end: a temporary SQLite file, the report fixtures copied to a temporary folder
// tree, the script run as a user runs it.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { FIXTURES_DIR } from "@/lib/tlsrpt/report-fixtures.test-utils";

const run = promisify(execFile);
let dir: string;
let dbFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sts-cli-"));
  dbFile = path.join(dir, "cli.db");
  await applyMigrations({ provider: "sqlite", url: dbFile });
  const db = createDb({ provider: "sqlite", url: dbFile });
  await db.domain.createMany({
    data: ["example.com", "example.net", "example.org"].map((name) => ({
      name,
      displayName: name,
    })),
  });
  await db.$disconnect();
  const inbox = path.join(dir, "reports", "nested");
  mkdirSync(inbox, { recursive: true });
  for (const f of [
    "clean-sts-enforce.json",
    "report-mail-attachment.json.gz",
    "report-mail.eml",
    "octet-stream-gzip.eml",
    "start-after-end.json",
  ]) {
    copyFileSync(path.join(FIXTURES_DIR, f), path.join(inbox, f));
  }
  writeFileSync(path.join(dir, "reports", "notes.txt"), "not a report file: skipped by extension");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(
      "node_modules/.bin/tsx",
      ["--conditions=react-server", "scripts/ingest.ts", ...args],
      {
        env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
      },
    );
    return { code: 0, out: r.stdout };
  } catch (e) {
    const x = e as { code: number; stdout: string };
    return { code: x.code, out: x.stdout };
  }
}

describe("scripts/ingest.ts", () => {
  it("walks folders, prints a line per file and a summary, exits 1 on a rejection", async () => {
    const first = await cli(path.join(dir, "reports"));
    const lines = first.out.trim().split("\n");
    expect(lines.map((l) => l.replace(`${dir}/reports/nested/`, ""))).toEqual([
      "clean-sts-enforce.json: stored",
      "octet-stream-gzip.eml: stored",
      "report-mail-attachment.json.gz: stored",
      "report-mail.eml: duplicate (already received)",
      "start-after-end.json: rejected (date-range: start-datetime 2025-05-10T00:00:00.000Z is after end-datetime 2025-05-09T23:59:59.000Z)",
      "5 files: 3 stored, 1 duplicate, 1 rejected",
    ]);
    expect(first.code).toBe(1);
  }, 60_000);

  it("exits 0 when nothing was rejected, and a rerun stores nothing new", async () => {
    const again = await cli(path.join(dir, "reports", "nested", "clean-sts-enforce.json"));
    expect(again.out.trim().split("\n").at(-1)).toBe("1 file: 0 stored, 1 duplicate, 0 rejected");
    expect(again.code).toBe(0);
  }, 60_000);
});
