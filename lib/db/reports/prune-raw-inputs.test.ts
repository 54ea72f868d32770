// Issue 11, disk: raw inputs past the retention period are pruned; the normalised rows
// (reports, policy entries, failure details, rollups) stay exactly as they were. SQLite by
// default, PostgreSQL under `npm run test:pg`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { ingestBytes } from "@/lib/ingest/ingest";
import { googleReport, gzipOf } from "@/lib/tlsrpt/inline-reports.test-utils";
import { openTestDb, type TestDb } from "../db.test-utils";
import { pruneRawInputs } from "./prune-raw-inputs";
import { getReceivedReport } from "./received";
import { countRows, resetReports } from "./reports.test-utils";

let t: TestDb;
let domainId: string;
beforeAll(async () => {
  t = await openTestDb();
  domainId = (await t.db.domain.create({ data: { name: "example.com", displayName: "e" } })).id;
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => resetReports(t.db));

const DAY = 24 * 60 * 60 * 1000;
const meta = { channel: "https" as const, source: "192.0.2.1" };
const input = (id: string) => {
  const v = googleReport();
  v["report-id"] = id;
  return gzipOf(v);
};

async function reportRow(reportId: string) {
  return t.db.report.findFirstOrThrow({ where: { reportId } });
}

describe("pruneRawInputs (STS_RAW_RETENTION_DAYS)", () => {
  it("the setting defaults to 400 days and refuses a bad value by name", () => {
    const days = (v?: string) =>
      parseSettings({ ...process.env, STS_RAW_RETENTION_DAYS: v }).STS_RAW_RETENTION_DAYS;
    expect(days()).toBe(400);
    expect(days("30")).toBe(30);
    expect(() => days("0")).toThrow(/STS_RAW_RETENTION_DAYS/);
  });

  it("prunes an input older than the period, keeps a young one, leaves the reports whole", async () => {
    for (const id of ["old", "young"]) {
      expect((await ingestBytes(t.db, input(id), meta)).status).toBe("stored");
    }
    const old = await reportRow("old");
    await t.db.rawInput.update({
      where: { id: old.rawInputId ?? -1 },
      data: { receivedAt: new Date(Date.now() - 401 * DAY) },
    });
    const before = await countRows(t.db);
    expect(before).toEqual({
      reports: 2,
      policies: 2,
      failures: 2,
      rollups: 3,
      rejected: 0,
      unknown: 0,
      rawInputs: 2,
    });
    const rollupsBefore = await t.db.dailyRollup.findMany({ orderBy: { resultType: "asc" } });

    expect(await pruneRawInputs(t.db, 400)).toEqual({ expired: 1, orphaned: 0 });

    expect(await countRows(t.db)).toEqual({ ...before, rawInputs: 1 });
    expect(await t.db.dailyRollup.findMany({ orderBy: { resultType: "asc" } })).toEqual(
      rollupsBefore,
    );
    const oldAfter = await reportRow("old");
    expect(oldAfter).toEqual({ ...old, rawInputId: null });
    const young = await reportRow("young");
    expect(young.rawInputId).not.toBeNull();

    const shown = await getReceivedReport(t.db, domainId, oldAfter.id);
    expect(shown).toMatchObject({ raw: null, rawState: "pruned", rawSize: input("old").length });
    expect(shown?.policies[0]?.failures).toHaveLength(1);
    expect((await getReceivedReport(t.db, domainId, young.id))?.rawState).toBe("kept");

    // Nothing is older than 400 days now: a second run deletes nothing.
    expect(await pruneRawInputs(t.db, 400)).toEqual({ expired: 0, orphaned: 0 });
  });

  it("compares against the receipt time the ingest path writes", async () => {
    // Written by the ingest path itself (on SQLite: its own connection and time format).
    expect((await ingestBytes(t.db, input("written-now"), meta)).status).toBe("stored");
    expect(await pruneRawInputs(t.db, 400, new Date(Date.now() + 399 * DAY))).toEqual({
      expired: 0,
      orphaned: 0,
    });
    expect(await pruneRawInputs(t.db, 400, new Date(Date.now() + 401 * DAY))).toEqual({
      expired: 1,
      orphaned: 0,
    });
    expect(await countRows(t.db)).toMatchObject({ reports: 1, failures: 1, rawInputs: 0 });
  });

  it("removes raw inputs no report references, in batches past 500", async () => {
    for (const id of ["kept-1", "kept-2"]) {
      expect((await ingestBytes(t.db, input(id), meta)).status).toBe("stored");
    }
    // 520 inputs whose reports were deleted (only their raw rows are left).
    await t.db.rawInput.createMany({
      data: Array.from({ length: 520 }, (_, i) => ({
        sha256: `orphan-${i}`,
        bytes: new Uint8Array([i % 256]),
        size: 1,
      })),
    });
    expect(await pruneRawInputs(t.db, 400)).toEqual({ expired: 0, orphaned: 520 });
    expect(await countRows(t.db)).toMatchObject({ reports: 2, rawInputs: 2 });
    expect(await t.db.report.count({ where: { rawInputId: null } })).toBe(0);
    await t.db.report.deleteMany({ where: { reportId: "kept-1" } });
    expect(await pruneRawInputs(t.db, 400)).toEqual({ expired: 0, orphaned: 1 });
    expect(await countRows(t.db)).toMatchObject({ reports: 1, rawInputs: 1 });
  });
});
