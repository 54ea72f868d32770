// POST /api/reports/tlsrpt's handler against a real database (SQLite; PostgreSQL under
// `npm run test:pg`), with the project's report fixtures (lib/tlsrpt/fixtures) and hostile
// inputs; the real-sample corpus: https-endpoint-samples.conformance.test.ts. The rate limits and the
// in-flight cap in front of it: lib/db/limits/public-endpoints.test.ts.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { domainsIn, isJsonFile, reportFixtures } from "@/lib/tlsrpt/report-fixtures.test-utils";
import { googleReport, gzipOf } from "@/lib/tlsrpt/inline-reports.test-utils";
import { openTestDb, type TestDb } from "../db.test-utils";
import { outcome, poster, tallyStatuses } from "./https-endpoint.test-utils";
import { countRows, resetReports } from "./reports.test-utils";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await t.db.domain.createMany({
    data: [...(await domainsIn(reportFixtures())), "example.com"]
      .filter((d, i, a) => a.indexOf(d) === i)
      .map((name) => ({ name, displayName: name })),
  });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => resetReports(t.db));

const post = poster(() => t.db);

describe("POST /api/reports/tlsrpt", () => {
  it("stores every JSON and gzip fixture once; a second round is all duplicates", async () => {
    const files = reportFixtures(isJsonFile);
    expect(files).toHaveLength(15);
    const first: Record<string, string> = {};
    for (const f of files) first[f.name] = await outcome(await post(f.bytes, {}));
    expect(tallyStatuses(first)).toEqual({
      "201 stored": 12,
      // the same report-id from the same reporter with other content (TV-JSON-8)
      "201 conflict": 1,
      "202 no-report": 1,
      "400 rejected": 1,
    });
    expect(first["start-after-end.json"]).toBe(
      "400 rejected: date-range: start-datetime 2025-05-10T00:00:00.000Z is after end-datetime 2025-05-09T23:59:59.000Z",
    );
    expect(first["conflicting-resend.json"]).toMatch(/^201 conflict: /);
    expect(first["report-mail-attachment.json.gz"]).toBe("201 stored: 1 report");
    expect(first["missing-policy-domain.json"]).toBe(
      "202 no-report: no managed domain in the report ((no policy-domain))",
    );
    const counts = await countRows(t.db);
    expect(counts).toMatchObject({ reports: 13, rejected: 1 });

    const second: Record<string, string> = {};
    for (const f of files) second[f.name] = await outcome(await post(f.bytes, {}));
    expect(tallyStatuses(second)).toEqual({
      "200 duplicate": 13,
      "202 no-report": 1,
      "400 rejected": 1,
    });
    // the repeated refusal is counted, in its row or (a minute later) a new one (issue 11)
    const after = await countRows(t.db);
    expect({ ...after, rejected: counts.rejected }).toEqual(counts);
    const refusals = await t.db.rejectedReport.aggregate({ _sum: { count: true } });
    expect(refusals._sum.count).toBe(2);
  });

  it("stores ten concurrent submissions of one report exactly once", async () => {
    const bytes = gzipOf(googleReport());
    const res = await Promise.all(Array.from({ length: 10 }, () => post(bytes)));
    expect(res.map((r) => r.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(await countRows(t.db)).toMatchObject({
      reports: 1,
      policies: 1,
      failures: 1,
      rollups: 3,
      rawInputs: 1,
    });
  });

  it("refuses malformed, truncated, oversized and bomb inputs with nothing partial stored", async () => {
    const good = gzipOf(googleReport());
    const bomb = gzipSync(Buffer.alloc(25 * 1024 * 1024, 0x20));
    const cases: [string, Promise<Response>][] = [
      ["truncated gzip", post(good.subarray(0, good.length - 12))],
      ["not a report", post('{"hello": "world"}', { "content-type": "application/tlsrpt+json" })],
      ["broken JSON", post('{"policies": [', { "content-type": "application/tlsrpt+json" })],
      ["neither JSON nor gzip", post("hello", { "content-type": "text/plain" })],
      ["declared too large", post(good, { "content-length": String(11 * 1024 * 1024) })],
      ["streamed too large", post(streamOf(64 * 1024, 3), {}, { maxBytes: 100 * 1024 })],
      ["gzip bomb", post(bomb)],
      ["empty", post(new Uint8Array(0))],
    ];
    const got: string[] = [];
    for (const [label, res] of cases)
      got.push(`${label}: ${(await outcome(await res)).slice(0, 3)}`);
    expect(got).toEqual([
      "truncated gzip: 400",
      "not a report: 400",
      "broken JSON: 400",
      "neither JSON nor gzip: 415",
      "declared too large: 413",
      "streamed too large: 413",
      "gzip bomb: 413",
      "empty: 400",
    ]);
    expect(await countRows(t.db)).toEqual({
      reports: 0,
      policies: 0,
      failures: 0,
      rollups: 0,
      rejected: 7,
      unknown: 0,
      rawInputs: 0,
    });
    const reasons = (await t.db.rejectedReport.findMany({ orderBy: { id: "asc" } })).map(
      (r) => `${r.channel} ${r.source}: ${r.reason}`,
    );
    expect(reasons).toContain("https 198.51.100.7: the report is over the 10.0 MiB limit");
    expect(reasons).toContain(
      "https 198.51.100.7: the gzip data expands past 20.0 MiB; stopped at the limit",
    );
  });

  it("answers 202 for a report about domains nobody here manages, and tallies them", async () => {
    const v = googleReport();
    const p = (v.policies as { policy: Record<string, unknown> }[])[0];
    if (p) p.policy["policy-domain"] = "stranger.example";
    expect(await outcome(await post(gzipOf(v)))).toBe(
      "202 no-report: no managed domain in the report (stranger.example)",
    );
    expect(await outcome(await post(gzipOf(v)))).toBe(
      "202 no-report: no managed domain in the report (stranger.example)",
    );
    const tally = await t.db.unknownDomainTally.findMany();
    expect(tally.map((x) => [x.submitter, x.domain, x.count])).toEqual([
      ["google.com", "stranger.example", 2],
    ]);
    expect((await countRows(t.db)).reports).toBe(0);
  });
});

function streamOf(chunk: number, count: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent++ >= count) c.close();
      else c.enqueue(new Uint8Array(chunk).fill(0x7b));
    },
  });
}
