// The CLI end to end: a temporary SQLite file, real samples copied to a temporary folder
// tree, the script run as a user runs it.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { SAMPLES_DIR } from "@/lib/db/reports/samples";

const run = promisify(execFile);
let dir: string;
let dbFile: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "sts-cli-"));
  dbFile = path.join(dir, "cli.db");
  await applyMigrations({ provider: "sqlite", url: dbFile });
  const db = createDb({ provider: "sqlite", url: dbFile });
  await db.domain.createMany({
    data: ["example.com", "fastmaildmarc.com", "krvtz.net"].map((name) => ({
      name,
      displayName: name,
    })),
  });
  await db.$disconnect();
  const inbox = path.join(dir, "reports", "nested");
  mkdirSync(inbox, { recursive: true });
  for (const f of [
    "mta-sts-exporter__google.json",
    "mail-tls-rpt__report.json.gz",
    "mail-tls-rpt__email.eml",
    "tlsrpt-rs__google1.eml",
    "unidentified-bq-cloudfn__ludemo-edited.json",
  ]) {
    copyFileSync(path.join(SAMPLES_DIR, f), path.join(inbox, f));
  }
  writeFileSync(path.join(dir, "reports", "notes.txt"), "not a report file: skipped by extension");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run("npx", ["tsx", "--conditions=react-server", "scripts/ingest.ts", ...args], {
      env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    });
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
      "mail-tls-rpt__email.eml: stored",
      "mail-tls-rpt__report.json.gz: duplicate (already received)",
      "mta-sts-exporter__google.json: stored",
      "tlsrpt-rs__google1.eml: stored",
      "unidentified-bq-cloudfn__ludemo-edited.json: rejected (date-range: start-datetime 2020-04-13T00:10:00.000Z is after end-datetime 2020-04-13T00:00:00.000Z)",
      "5 files: 3 stored, 1 duplicate, 1 rejected",
    ]);
    expect(first.code).toBe(1);
  }, 60_000);

  it("exits 0 when nothing was rejected, and a rerun stores nothing new", async () => {
    const again = await cli(path.join(dir, "reports", "nested", "mta-sts-exporter__google.json"));
    expect(again.out.trim().split("\n").at(-1)).toBe("1 file: 0 stored, 1 duplicate, 0 rejected");
    expect(again.code).toBe(0);
  }, 60_000);
});
