// Issue 11 (spec §12-13): an input that takes longer than STS_READ_TIMEOUT_MS to read is
// refused through the one ingestion path like any other refusal: a reason a person can act
// on, HTTP 503 (busy: reporters retry, RPT-DELIV-3), a RejectedReport row, nothing stored;
// the next input is read as usual.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInOrder } from "@/lib/ingest/bulk";
import { handleTlsrptPost } from "@/lib/ingest/https-endpoint";
import { ingestBytes } from "@/lib/ingest/ingest";
import { workerPool } from "@/lib/pool/shared";
import { secondsSlowReport as slowReport } from "@/lib/pool/inputs.test-utils";
import { googleReport, gzipOf } from "@/lib/tlsrpt/inline-reports.test-utils";
import { openTestDb, type TestDb } from "../db.test-utils";
import { countRows } from "./reports.test-utils";

// Read by settings() on first use, which is below: this file's pool has a 500 ms deadline.
// A normal report reads in a few ms and the slow one takes seconds (secondsSlowReport: the
// million-object slowReport read in under 500 ms on an idle CI machine), so machine load
// (CI runs the suites side by side) cannot blur the two; at 50 ms a normal read missed it.
process.env.STS_READ_TIMEOUT_MS = "500";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await t.db.domain.create({ data: { name: "example.com", displayName: "example.com" } });
});
afterAll(async () => {
  await t.close();
  await workerPool().close();
});

describe("ingestBytes with a read deadline", () => {
  it("refuses an input past the deadline as a rejection, then stores the next report", async () => {
    const meta = { channel: "https" as const, source: "192.0.2.7" };
    const reason = "the input took more than 500 ms to read and was refused";
    expect(await ingestBytes(t.db, slowReport(), meta)).toStrictEqual({
      status: "rejected",
      stored: 0,
      duplicates: 0,
      unknownDomains: [],
      httpStatus: 503, // busy, not too large: reporters retry (RPT-DELIV-3)
      reason,
      // The pool's own refusal has its message (issue 16 §6): the admin reads it translated.
      reasonRef: { namespace: "tlsrptReader", key: "refusals.tooSlow", params: { time: "500 ms" } },
    });
    const rejected = await t.db.rejectedReport.findMany();
    expect(rejected.map((r) => [r.channel, r.source, r.reason])).toStrictEqual([
      ["https", "192.0.2.7", reason],
    ]);
    expect(JSON.parse(rejected[0]?.reasonI18n ?? "null")).toStrictEqual({
      namespace: "tlsrptReader",
      key: "refusals.tooSlow",
      params: { time: "500 ms" },
    });
    expect(await countRows(t.db)).toMatchObject({ reports: 0, policies: 0, rejected: 1 });
    const next = await ingestBytes(t.db, gzipOf(googleReport()), meta);
    expect(next).toMatchObject({ status: "stored", stored: 1, httpStatus: 201 });
  });

  it("over HTTPS answers 503 with Retry-After 60, not 413, and records the refusal", async () => {
    await t.db.rejectedReport.deleteMany();
    const req = new Request("http://app.test/api/reports/tlsrpt", {
      method: "POST",
      body: new Uint8Array(slowReport()),
      headers: { "content-type": "application/tlsrpt+gzip" },
      duplex: "half",
    } as RequestInit);
    const res = await handleTlsrptPost(req, { db: async () => t.db, source: "192.0.2.8" });
    expect([res.status, res.headers.get("retry-after"), (await res.text()).trim()]).toEqual([
      503,
      "60",
      "rejected: the input took more than 500 ms to read and was refused",
    ]);
    const rows = await t.db.rejectedReport.findMany();
    expect(rows.map((r) => [r.source, r.count])).toEqual([["192.0.2.8", 1]]);
  });
});

describe("ingestInOrder with a read deadline", () => {
  it("refuses only the slow file of a batch and stores the files around it, in order", async () => {
    const before = await countRows(t.db);
    const file = (name: string, bytes: Uint8Array) => ({
      meta: { channel: "cli" as const, source: name, filename: name },
      load: () => bytes,
    });
    const report = (id: string) => gzipOf({ ...googleReport(), "report-id": id });
    // Read in one batch (fewer than BATCH_INPUTS files, far under BATCH_BYTES).
    const items = [
      file("a.json.gz", report("batch-a")),
      file("slow.json.gz", slowReport()),
      file("b.json.gz", report("batch-b")),
      file("a-again.json.gz", report("batch-a")),
    ];
    const outs = await ingestInOrder(t.db, items);
    expect(outs.map((o) => [o.status, o.reason])).toStrictEqual([
      ["stored", undefined],
      ["rejected", "the input took more than 500 ms to read and was refused"],
      ["stored", undefined],
      ["duplicate", "already received"],
    ]);
    const rejected = await t.db.rejectedReport.findMany({ where: { source: "slow.json.gz" } });
    expect(rejected.map((r) => [r.channel, r.reason])).toStrictEqual([
      ["cli", "the input took more than 500 ms to read and was refused"],
    ]);
    expect(await countRows(t.db)).toMatchObject({
      reports: before.reports + 2,
      rejected: before.rejected + 1,
    });
  });
});
