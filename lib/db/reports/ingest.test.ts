// The ingestion pipeline against a real database: SQLite by default, PostgreSQL under
// `npm run test:pg` (this file lives under lib/db so both runs include it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BATCH_INPUTS, ingestInOrder } from "@/lib/ingest/bulk";
import { ingestBytes, storeRead, type IngestOutcome } from "@/lib/ingest/ingest";
import { reasonIn } from "@/lib/ingest/rejection-text";
import { pageSay } from "@/lib/ingest/rejection-text.test-utils";
import { readAny } from "@/lib/tlsrpt/read-any";
import { computeContentHash } from "@/lib/tlsrpt/content-hash";
import { readReport } from "@/lib/tlsrpt/read-report";
import { bytesOf, emailOf, googleReport, gzipOf } from "@/lib/tlsrpt/inline-reports.test-utils";
import { openTestDb, type TestDb } from "../db.test-utils";
import { storeReport } from "./store-reports";
import { countRows, resetReports } from "./reports.test-utils";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await t.db.domain.create({ data: { name: "example.com", displayName: "example.com" } });
});
afterAll(async () => {
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
      rawInputs: 1,
    });
    const policy = await t.db.reportPolicy.findFirstOrThrow();
    expect(policy.policyStrings).toBe(
      JSON.stringify(["version: STSv1", "mode: enforce", "mx: mx1.example.com", "max_age: 604800"]),
    );
    expect(policy.mxHosts).toBe('["mx1.example.com"]');
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

  it("answers 202 for an empty report (no policies) and stores nothing", async () => {
    const empty = { ...googleReport(), policies: [] };
    const out = await ingestBytes(t.db, gzipOf(empty), meta);
    expect(out).toMatchObject({ status: "no-report", httpStatus: 202, stored: 0 });
    expect(out.reason).toBe("no managed domain in the report (none named)");
    expect(await countRows(t.db)).toMatchObject({ reports: 0, unknown: 0, rejected: 0 });
  });

  it("sees a domain removed between two reports (no stale cache, no orphan rows)", async () => {
    const other = await t.db.domain.create({
      data: { name: "removed.example", displayName: "removed.example" },
    });
    const forOther = (id: string) => {
      const v = googleReport();
      v["report-id"] = id;
      const p = (v.policies as { policy: Record<string, unknown> }[])[0];
      if (p) p.policy["policy-domain"] = "removed.example";
      return gzipOf(v);
    };
    expect((await ingestBytes(t.db, forOther("r1"), meta)).status).toBe("stored");
    await t.db.domain.delete({ where: { id: other.id } });
    const after = await ingestBytes(t.db, forOther("r2"), meta);
    expect(after).toMatchObject({
      status: "no-report",
      httpStatus: 202,
      unknownDomains: ["removed.example"],
    });
    // The first report stays (it is the reporter's record); its entries went with the domain.
    expect(await countRows(t.db)).toMatchObject({
      reports: 1,
      policies: 0,
      failures: 0,
      rollups: 0,
    });
  });

  it("keeps concurrent reports for a domain being removed whole or not at all", async () => {
    const d = await t.db.domain.create({ data: { name: "going.example", displayName: "going" } });
    const reports = Array.from({ length: 20 }, (_, i) => {
      const v = googleReport();
      v["report-id"] = `going-${i}`;
      const p = (v.policies as { policy: Record<string, unknown> }[])[0];
      if (p) p.policy["policy-domain"] = "going.example";
      return gzipOf(v);
    });
    const outs = await Promise.all([
      ...reports.map((b) => ingestBytes(t.db, b, meta)),
      t.db.domain.delete({ where: { id: d.id } }).then(() => null),
    ]);
    const statuses = outs.filter((o) => o !== null).map((o) => o.status);
    expect(statuses.every((s) => s === "stored" || s === "no-report")).toBe(true);
    // Whatever was stored for the domain went with it; nothing half-written remains.
    expect(await countRows(t.db)).toMatchObject({ policies: 0, failures: 0, rollups: 0 });
  });

  it("keeps the other reports of a batch when one fails half-way through its rows", async () => {
    // Three reports handed in together share one transaction (store-reports.ts). The middle
    // one fails after its Report and ReportPolicy rows were written (a failure detail whose
    // count cannot be stored), so the batch is undone and redone report by report.
    const input = (id: string, broken = false) => {
      const v = googleReport();
      v["report-id"] = id;
      const read = readReport(bytesOf(v));
      if (!read.ok) throw new Error(read.error.message);
      const report = read.value.reports[0];
      if (!report) throw new Error("no report");
      const detail = report.policies[0]?.failureDetails[0];
      if (broken && detail) detail.failedSessionCount = { not: "a number" } as unknown as number;
      const contentHash = broken ? "broken" : computeContentHash(report);
      return { report, contentHash, channel: "upload" as const, raw: null, rawSize: 0 };
    };
    const outs = await Promise.allSettled([
      storeReport(t.db, input("good-1")),
      storeReport(t.db, input("half-written", true)),
      storeReport(t.db, input("good-2")),
    ]);
    expect(outs.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await countRows(t.db)).toMatchObject({ reports: 2, policies: 2, failures: 2 });
    const ids = await t.db.report.findMany({
      select: { reportId: true },
      orderBy: { reportId: "asc" },
    });
    expect(ids.map((r) => r.reportId)).toEqual(["good-1", "good-2"]);
    const success = await t.db.dailyRollup.findFirst({ where: { resultType: "success" } });
    expect(success?.sessions).toBe(80);
  });

  it("stores policy strings that need escaping exactly as JSON.stringify writes them", async () => {
    const v = googleReport();
    v["report-id"] = "escapes";
    const strings = ["version: STSv1", 'mode: "enforce"\t', "mx: back\\slash.example.com"];
    const p = (v.policies as { policy: Record<string, unknown> }[])[0];
    if (p) p.policy["policy-string"] = strings;
    expect((await ingestBytes(t.db, gzipOf(v), meta)).status).toBe("stored");
    const policy = await t.db.reportPolicy.findFirstOrThrow();
    expect(policy.policyStrings).toBe(JSON.stringify(strings));
    expect(JSON.parse(policy.policyStrings)).toEqual(strings);
  });
});

// Bulk ingestion: the CLI's path (lib/ingest/bulk.ts).
const report = (id: string) => {
  const v = googleReport();
  v["report-id"] = id;
  return gzipOf(v);
};
const item = (name: string, bytes: Uint8Array) => ({
  meta: { channel: "cli" as const, source: name, filename: name },
  load: () => bytes,
});

describe("outcome reasons in the user's language (issue 16 §6)", () => {
  const store = async (bytes: Buffer) => storeRead(t.db, bytes, meta, await readAny(bytes));
  const words = (o: IngestOutcome) => {
    const r = { reason: o.reason ?? "", reasonRef: o.reasonRef ?? null };
    return [o.status, r.reason, reasonIn(r, pageSay("en")), reasonIn(r, pageSay("de"))];
  };

  it("the upload page shows each outcome's reason from its message", async () => {
    const noRange = googleReport();
    delete noRange["date-range"];
    const part = (name: string, v: unknown) => ({
      type: "application/tlsrpt+json",
      name,
      body: Buffer.from(JSON.stringify(v)),
    });
    const changed = googleReport();
    const cp = (changed.policies as { summary: Record<string, number> }[])[0];
    if (cp) cp.summary["total-successful-session-count"] = 41;
    const other = googleReport();
    const op = (other.policies as { policy: Record<string, unknown> }[])[0];
    if (op) op.policy["policy-domain"] = "not-ours.example";
    const outs = [
      await store(emailOf([part("good.json", googleReport()), part("bad.json", noRange)])),
      await store(gzipOf(googleReport())),
      await store(gzipOf(changed)),
      await store(gzipOf(other)),
      await store(gzipOf({ ...googleReport(), policies: [] })),
      await store(Buffer.from("plain text")),
    ];
    const refused = "date-range: expected an object, got nothing";
    expect(outs.map(words)).toEqual([
      [
        "stored",
        `1 attachment(s) refused: ${refused}`,
        `1 attachment(s) refused: ${refused}`,
        "1 Anhang abgelehnt: date-range: Objekt erwartet, nichts erhalten",
      ],
      ["duplicate", "already received", "already received", "schon empfangen"],
      [
        "conflict",
        "a report with the same id and different content was already stored; both kept",
        "a report with the same id and different content was already stored; both kept",
        "ein Bericht mit derselben id und anderem Inhalt war schon gespeichert; beide behalten",
      ],
      [
        "no-report",
        "no managed domain in the report (not-ours.example)",
        "no managed domain in the report (not-ours.example)",
        "keine verwaltete Domain im Bericht (not-ours.example)",
      ],
      [
        "no-report",
        "no managed domain in the report (none named)",
        "no managed domain in the report (none named)",
        "keine verwaltete Domain im Bericht (keine genannt)",
      ],
      [
        "rejected",
        "the input is neither JSON nor gzip",
        "the input is neither JSON nor gzip",
        "die Eingabe ist weder JSON noch gzip",
      ],
    ]);
  });
});

describe("ingestInOrder", () => {
  it("stores many files, announces outcomes in input order, first copy wins", async () => {
    const items = Array.from({ length: 70 }, (_, i) => item(`r${i}.json.gz`, report(`bulk-${i}`)));
    // More files than one read batch (BATCH_INPUTS): the same report again at the end, in
    // the second batch, and a file that is not a report in the middle.
    items.push(item("again.json.gz", report("bulk-3")));
    items.splice(35, 0, item("junk.json", new TextEncoder().encode("{ not json")));
    expect(items.length).toBeGreaterThan(BATCH_INPUTS);
    const seen: number[] = [];
    const outs = await ingestInOrder(t.db, items, (_, i) => seen.push(i));
    expect(seen).toEqual(items.map((_, i) => i));
    expect(outs.map((o) => o.status)).toEqual([
      ...Array<string>(35).fill("stored"),
      "rejected",
      ...Array<string>(35).fill("stored"),
      "duplicate",
    ]);
    expect(outs[35]?.reason).toMatch(/^the report is not valid JSON/);
    expect(await countRows(t.db)).toMatchObject({ reports: 70, policies: 70, rejected: 1 });
  });

  it("returns no outcomes for no files", async () => {
    expect(await ingestInOrder(t.db, [])).toEqual([]);
  });
});
