// Issue 11, budgets: the largest report the reader accepts (1,000 policies, 10,000
// failure-detail rows, here with 10,000 distinct MX hosts) is stored whole: no statement
// binds more parameters than SQLite (32,766) or PostgreSQL (65,535) allow. SQLite by
// default, PostgreSQL under `npm run test:pg`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestBytes } from "@/lib/ingest/ingest";
import { gzipOf, type Json } from "@/lib/tlsrpt/inline-reports.test-utils";
import { chunksFor, MAX_BIND_PARAMS, rowsPerStatement } from "../bind-limits";
import { openTestDb, type TestDb } from "../db.test-utils";
import { countRows, resetReports } from "./reports.test-utils";

// The largest report the reader accepts takes about a second to read on an idle machine;
// CI runs suites side by side, so this file's reads get a deadline that load cannot reach
// (the deadline itself is tested in ingest-deadline.test.ts). Read by settings() on first use.
process.env.STS_READ_TIMEOUT_MS = "30000";

const POLICIES = 1000;
const MANAGED = 800;
const FAILURES = 10_000;

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await t.db.domain.createMany({
    data: Array.from({ length: MANAGED }, (_, i) => ({
      name: `d${i}.example`,
      displayName: `d${i}.example`,
    })),
  });
});
afterAll(async () => {
  await t.close();
});

/** Policy i names d<i>.example; the 10,000 failure rows go to the managed 800 (12 or 13
 * each), every one on its own MX host. */
function largestReport(): Json {
  let mx = 0;
  const policies = Array.from({ length: POLICIES }, (_, i) => {
    const details = i >= MANAGED ? 0 : i < FAILURES - 12 * MANAGED ? 13 : 12;
    const failures = Array.from({ length: details }, () => ({
      "result-type": "certificate-expired",
      "sending-mta-ip": "192.0.2.1",
      "receiving-mx-hostname": `mx${mx++}.d${i}.example`,
      "failed-session-count": 2,
    }));
    return {
      policy: {
        "policy-type": "sts",
        "policy-string": ["version: STSv1", "mode: testing", `mx: *.d${i}.example`],
        "policy-domain": `d${i}.example`,
      },
      summary: {
        "total-successful-session-count": 5,
        "total-failure-session-count": 2 * details,
      },
      ...(details > 0 ? { "failure-details": failures } : {}),
    };
  });
  return {
    "organization-name": "Big Sender",
    "date-range": {
      "start-datetime": "2025-04-12T00:00:00Z",
      "end-datetime": "2025-04-12T23:59:59Z",
    },
    "contact-info": "tlsrpt@big.example",
    "report-id": "largest",
    policies,
  };
}

describe("no statement exceeds either engine's parameter limit (issue 11)", () => {
  it("chunksFor keeps every piece under MAX_BIND_PARAMS, in order, nothing lost", () => {
    const xs = Array.from({ length: 10_001 }, (_, i) => i);
    const pieces = [...chunksFor(xs, 11)];
    expect(rowsPerStatement(11)).toBe(727);
    expect(pieces.map((p) => p.length)).toEqual([...Array<number>(13).fill(727), 550]);
    expect(pieces.flat()).toEqual(xs);
    expect(pieces.every((p) => p.length * 11 <= MAX_BIND_PARAMS)).toBe(true);
    expect(MAX_BIND_PARAMS).toBeLessThan(32_766);
  });

  it("stores a report with 1,000 policies and 10,000 distinct-MX failure rows whole", async () => {
    await resetReports(t.db);
    const bytes = gzipOf(largestReport());
    const out = await ingestBytes(t.db, bytes, { channel: "upload", source: "largest.json.gz" });
    expect(out).toMatchObject({ status: "stored", stored: 1, duplicates: 0, httpStatus: 201 });
    expect(out.unknownDomains).toHaveLength(POLICIES - MANAGED);
    expect(await countRows(t.db)).toEqual({
      reports: 1,
      policies: MANAGED,
      failures: FAILURES,
      // success and failure summaries for each managed domain, one row per MX host.
      rollups: 2 * MANAGED + FAILURES,
      rejected: 0,
      unknown: POLICIES - MANAGED,
      rawInputs: 1,
    });
    const failed = await t.db.dailyRollup.aggregate({
      where: { mxHost: { not: "*" } },
      _sum: { sessions: true },
    });
    expect(failed._sum.sessions).toBe(2 * FAILURES);
    // Every failure row hangs off its own policy entry.
    for (const [i, n] of [
      [5, 13],
      [700, 12],
    ] as const) {
      const p = await t.db.reportPolicy.findFirstOrThrow({
        where: { domain: { name: `d${i}.example` } },
        select: { failures: { select: { receivingMxHostname: true } } },
      });
      expect(p.failures).toHaveLength(n);
      expect(p.failures.every((f) => f.receivingMxHostname?.endsWith(`.d${i}.example`))).toBe(true);
    }

    // The same input again: one duplicate, nothing added.
    const again = await ingestBytes(t.db, bytes, { channel: "upload", source: "again" });
    expect(again).toMatchObject({ status: "duplicate", duplicates: 1 });
    expect((await countRows(t.db)).failures).toBe(FAILURES);
  }, 300_000);
});
