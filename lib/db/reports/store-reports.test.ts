// The one report store (store-reports.ts, store-batch.ts) given several reports in one
// call, as the bulk path, uploads and multi-report inputs hand them in: SQLite here,
// PostgreSQL under `npm run test:pg`.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { computeContentHash } from "@/lib/tlsrpt/content-hash";
import { readReport } from "@/lib/tlsrpt/read-report";
import { bytesOf, googleReport } from "@/lib/tlsrpt/inline-reports.test-utils";
import { openTestDb, type TestDb } from "../db.test-utils";
import { rawBytesOf } from "./raw-input";
import type { StoreInput } from "./report-rows";
import { storeReports } from "./store-reports";
import { countRows, resetReports } from "./reports.test-utils";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await t.db.domain.create({ data: { name: "example.com", displayName: "example.com" } });
});
afterAll(async () => t.close());
beforeEach(async () => resetReports(t.db));

/** A Google-shaped report for example.com; `success` changes its content, `domain` its
 * policy domain. */
function input(id: string, success = 40, domain = "example.com"): StoreInput {
  const v = googleReport();
  v["report-id"] = id;
  const p = (
    v.policies as { policy: Record<string, unknown>; summary: Record<string, number> }[]
  )[0];
  if (p) {
    p.policy["policy-domain"] = domain;
    p.summary["total-successful-session-count"] = success;
  }
  const bytes = bytesOf(v);
  const read = readReport(bytes);
  if (!read.ok) throw new Error(read.error.message);
  const report = read.value.reports[0];
  if (!report) throw new Error("no report");
  const raw = rawBytesOf(bytes);
  return {
    report,
    contentHash: computeContentHash(report),
    channel: "upload",
    raw,
    rawSize: bytes.length,
  };
}

describe("storeReports with several reports at once", () => {
  it("RPT-ING-5: a copy later in the batch is a duplicate, other content a flagged conflict", async () => {
    const results = await storeReports(t.db, [
      input("a"),
      input("b"),
      input("a"),
      input("a", 41),
      input("other", 40, "unmanaged.example"),
    ]);
    expect(results.map((r) => r.kind)).toEqual([
      "stored",
      "stored",
      "duplicate",
      "stored",
      "unmanaged",
    ]);
    expect(results.map((r) => (r.kind === "stored" ? r.conflict : null))).toEqual([
      false,
      false,
      null,
      true,
      null,
    ]);
    const rows = await t.db.report.findMany({
      orderBy: { id: "asc" },
      select: { reportId: true, conflict: true, warnings: true, rawInputId: true },
    });
    expect(rows.map((r) => [r.reportId, r.conflict])).toEqual([
      ["a", false],
      ["b", false],
      ["a", true],
    ]);
    expect(JSON.parse(rows[2]?.warnings ?? "[]")).toEqual([
      expect.objectContaining({ id: "RPT-ING-5", severity: "warning" }),
    ]);
    // Each stored report keeps its own input's bytes; the duplicate's input wrote none.
    expect(new Set(rows.map((r) => r.rawInputId)).size).toBe(3);
    expect(await countRows(t.db)).toEqual({
      reports: 3,
      policies: 3,
      failures: 3,
      rollups: 3,
      rejected: 0,
      unknown: 1,
      rawInputs: 3,
    });
  });

  it("RPT-ING-6: sums the batch's rollups per key and counts each unmanaged domain per report", async () => {
    // Same day, reporter, domain and MX: one rollup row per result type, summed.
    await storeReports(t.db, [
      input("r1", 10),
      input("r2", 20),
      input("u1", 1, "elsewhere.example"),
      input("u2", 1, "elsewhere.example"),
    ]);
    const rollups = await t.db.dailyRollup.findMany({
      orderBy: [{ resultType: "asc" }],
      select: { mxHost: true, resultType: true, sessions: true },
    });
    expect(rollups).toEqual([
      { mxHost: "mx1.example.com", resultType: "certificate-expired", sessions: 4 },
      { mxHost: "*", resultType: "failure", sessions: 4 },
      { mxHost: "*", resultType: "success", sessions: 30 },
    ]);
    const tally = await t.db.unknownDomainTally.findMany({ select: { domain: true, count: true } });
    expect(tally).toEqual([{ domain: "elsewhere.example", count: 2 }]);
    // A later batch adds to the same rows.
    await storeReports(t.db, [input("r3", 5)]);
    const success = await t.db.dailyRollup.findFirst({ where: { resultType: "success" } });
    expect(success?.sessions).toBe(35);
  });

  it("stores the reports of calls made in order in that order, first copy wins", async () => {
    const calls = [
      storeReports(t.db, [input("x", 1)]),
      storeReports(t.db, [input("y"), input("x", 1)]),
      storeReports(t.db, [input("x", 2)]),
    ];
    const results = await Promise.all(calls);
    expect(results.map((rs) => rs.map((r) => r.kind))).toEqual([
      ["stored"],
      ["stored", "duplicate"],
      ["stored"],
    ]);
    const conflicts = await t.db.report.findMany({
      where: { reportId: "x" },
      orderBy: { id: "asc" },
      select: { conflict: true },
    });
    expect(conflicts.map((r) => r.conflict)).toEqual([false, true]);
  });

  it("stores a lone surrogate in a sender's text as U+FFFD, as a bound value would be", async () => {
    const v = googleReport();
    v["report-id"] = "surrogate";
    v["organization-name"] = "Broken \ud800 Org";
    const read = readReport(bytesOf(v));
    if (!read.ok) throw new Error(read.error.message);
    const report = read.value.reports[0];
    if (!report) throw new Error("no report");
    const [r] = await storeReports(t.db, [
      { report, contentHash: computeContentHash(report), channel: "https", raw: null, rawSize: 0 },
    ]);
    expect(r?.kind).toBe("stored");
    const row = await t.db.report.findFirstOrThrow({ select: { organization: true } });
    expect(row.organization).toBe("Broken \ufffd Org");
  });
});
