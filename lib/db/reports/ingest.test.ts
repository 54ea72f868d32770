// The ingestion pipeline against a real database: SQLite by default, PostgreSQL under
// `npm run test:pg` (this file lives under lib/db so both runs include it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingestBytes } from "@/lib/ingest/ingest";
import { bytesOf, googleReport, gzipOf } from "@/lib/tlsrpt/test-fixtures";
import { openTestDb, type TestDb } from "../test-db";
import { closeSqliteStore } from "./sqlite-store";
import { countRows, resetReports } from "./test-helpers";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await t.db.domain.create({ data: { name: "example.com", displayName: "example.com" } });
});
afterAll(async () => {
  await closeSqliteStore(t.db);
  await t.close();
});
beforeEach(async () => resetReports(t.db));

const meta = { channel: "https" as const, source: "192.0.2.1" };

describe("ingestBytes", () => {
  it("stores a report with its policy, failure details and rollups", async () => {
    const out = await ingestBytes(t.db, gzipOf(googleReport()), meta);
    expect(out).toMatchObject({ status: "stored", stored: 1, duplicates: 0, httpStatus: 201 });
    expect(await countRows(t.db)).toEqual({
      reports: 1,
      policies: 1,
      failures: 1,
      rollups: 3,
      rejected: 0,
      unknown: 0,
    });
    const rollups = await t.db.dailyRollup.findMany({
      orderBy: [{ resultType: "asc" }],
      select: { day: true, mxHost: true, resultType: true, reporterKey: true, sessions: true },
    });
    expect(rollups).toEqual([
      {
        day: "2025-04-12",
        mxHost: "mx1.example.com",
        resultType: "certificate-expired",
        reporterKey: "google.com",
        sessions: 2,
      },
      {
        day: "2025-04-12",
        mxHost: "*",
        resultType: "failure",
        reporterKey: "google.com",
        sessions: 2,
      },
      {
        day: "2025-04-12",
        mxHost: "*",
        resultType: "success",
        reporterKey: "google.com",
        sessions: 40,
      },
    ]);
  });

  it("answers a second copy as a duplicate and stores nothing more", async () => {
    await ingestBytes(t.db, gzipOf(googleReport()), meta);
    const again = await ingestBytes(t.db, bytesOf(googleReport()), { ...meta, channel: "imap" });
    expect(again).toMatchObject({ status: "duplicate", stored: 0, duplicates: 1, httpStatus: 200 });
    expect((await countRows(t.db)).reports).toBe(1);
    const s = await t.db.dailyRollup.findFirst({ where: { resultType: "success" } });
    expect(s?.sessions).toBe(40);
  });

  it("stores ten concurrent copies of one report exactly once", async () => {
    const bytes = gzipOf(googleReport());
    const outs = await Promise.all(
      Array.from({ length: 10 }, () => ingestBytes(t.db, bytes, meta)),
    );
    expect(outs.filter((o) => o.status === "stored")).toHaveLength(1);
    expect(outs.filter((o) => o.status === "duplicate")).toHaveLength(9);
    expect(await countRows(t.db)).toMatchObject({ reports: 1, policies: 1, failures: 1 });
    const s = await t.db.dailyRollup.findFirst({ where: { resultType: "success" } });
    expect(s?.sessions).toBe(40);
  });

  it("keeps a same-id report with different content and flags it", async () => {
    await ingestBytes(t.db, gzipOf(googleReport()), meta);
    const changed = googleReport();
    const changedPolicies = changed.policies as { summary: Record<string, number> }[];
    (changedPolicies[0] as { summary: Record<string, number> }).summary[
      "total-successful-session-count"
    ] = 41;
    const out = await ingestBytes(t.db, gzipOf(changed), meta);
    expect(out).toMatchObject({ status: "conflict", stored: 1, httpStatus: 201 });
    const rows = await t.db.report.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.conflict)).toEqual([false, true]);
    expect(rows[1]?.warnings).toContain("arrived again with different content");
    const s = await t.db.dailyRollup.findFirst({ where: { resultType: "success" } });
    expect(s?.sessions).toBe(81);
  });

  it("tallies a report for unmanaged domains only and answers 202", async () => {
    const other = googleReport();
    const p = (other.policies as { policy: Record<string, unknown> }[])[0];
    if (p) p.policy["policy-domain"] = "not-ours.example";
    const out = await ingestBytes(t.db, gzipOf(other), meta);
    expect(out).toMatchObject({
      status: "no-report",
      httpStatus: 202,
      stored: 0,
      unknownDomains: ["not-ours.example"],
    });
    expect(out.reason).toBe("no managed domain in the report (not-ours.example)");
    expect(await countRows(t.db)).toMatchObject({ reports: 0, unknown: 1 });
    const tally = await t.db.unknownDomainTally.findMany();
    expect(tally.map((x) => [x.submitter, x.domain, x.count])).toEqual([
      ["google.com", "not-ours.example", 1],
    ]);
  });

  it("refuses malformed input with the reason and stores nothing partial", async () => {
    const out = await ingestBytes(t.db, Buffer.from('{"policies": ['), meta);
    expect(out.status).toBe("rejected");
    expect(out.httpStatus).toBe(400);
    expect(await countRows(t.db)).toMatchObject({ reports: 0, policies: 0, rejected: 1 });
  });
});
