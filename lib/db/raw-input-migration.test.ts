// The raw_input migration moves the bytes each Report kept into RawInput, one row per
// distinct input, and points every report at its row. SQLite by default, PostgreSQL under
// `npm run test:pg`.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/prisma/generated/sqlite/client";
import { createDb } from "./client";
import { applyMigrations, listMigrations, migrationsDir } from "./migrate";
import { openTestDb } from "./db.test-utils";

const root = mkdtempSync(path.join(os.tmpdir(), "sts-rawmig-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("migration raw_input", () => {
  it("keeps every report's raw bytes, stored once per distinct input", async () => {
    const t = await openTestDb({ migrate: false });
    // The migrations before raw_input, copied to a root of their own.
    const before = listMigrations(t.config.provider).filter((m) => m.name < "20261130193904");
    for (const m of before) {
      const to = path.join(migrationsDir(t.config.provider, root), m.name);
      mkdirSync(to, { recursive: true });
      cpSync(path.join(migrationsDir(t.config.provider), m.name), to, { recursive: true });
    }
    await applyMigrations(t.config, root);
    const old = createDb(t.config);
    const shared = Buffer.from('{"shared": "input"}');
    const rows: [string, Uint8Array | null][] = [
      ["a", shared],
      ["b", Buffer.from("another input")],
      ["c", shared],
      ["d", null],
    ];
    for (const [id, raw] of rows) {
      await old.$executeRaw`INSERT INTO "Report" ("reporterKey", "organization", "reportId",
        "contentHash", "startDatetime", "endDatetime", "reportDay", "channel", "raw", "rawSize")
        VALUES ('r', 'R', ${id}, 'h', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '2025-04-12',
        'cli', ${raw}, ${raw?.length ?? 2_000_000})`;
    }
    await old.$disconnect();

    const applied = await applyMigrations(t.config);
    expect(applied.some((name) => name.endsWith("_raw_input"))).toBe(true);
    const db = createDb(t.config);
    try {
      const reports = await db.report.findMany({
        orderBy: { reportId: "asc" },
        select: { reportId: true, rawSize: true, rawInput: { select: { bytes: true } } },
      });
      expect(
        reports.map((r) => [
          r.reportId,
          r.rawInput ? Buffer.from(r.rawInput.bytes).toString() : null,
        ]),
      ).toEqual([
        ["a", '{"shared": "input"}'],
        ["b", "another input"],
        ["c", '{"shared": "input"}'],
        ["d", null],
      ]);
      expect(await db.rawInput.count()).toBe(2);
      const [first] = await db.$queryRaw<{ n: bigint | number }[]>(
        Prisma.sql`SELECT COUNT(DISTINCT "rawInputId") AS n FROM "Report"`,
      );
      expect(Number(first?.n)).toBe(2);
    } finally {
      await db.$disconnect();
      await t.close();
    }
  });
});
