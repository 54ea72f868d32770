// Issue 11, deliverable 3: aggregation uses maps, never a search per row. One report naming
// 40,000 distinct MX hosts is read and aggregated in well under a second. The per-report
// budget keeps at most MAX_FAILURE_DETAILS (10,000) failure rows, so the failure rows name
// 10,000 distinct hosts and the policies' mx-host lists name the other 30,000.
import { describe, expect, it } from "vitest";
import { MAX_FAILURE_DETAILS } from "./budget";
import { computeContentHash } from "./content-hash";
import { domainSessionTotals, sessionsOf } from "./domain-totals";
import { failureTotals } from "./failure-totals";
import { readReport } from "./read-report";
import { bytesOf, costMs, googleReport, type Json } from "./inline-reports.test-utils";
import type { FailureDetail, NormalizedPolicy, NormalizedReport } from "./types";

const DOMAINS = 4;

function bigReport(rowsPerPolicy: number, patternsPerPolicy: number): Buffer {
  const policies: Json[] = [];
  for (let d = 0; d < DOMAINS; d++) {
    const domain = `d${d}.example`;
    policies.push({
      policy: {
        "policy-type": "sts",
        "policy-domain": domain,
        "policy-string": ["version: STSv1", "mode: enforce", `mx: *.${domain}`, "max_age: 86400"],
        "mx-host": Array.from({ length: patternsPerPolicy }, (_, i) => `p${i}.${domain}`),
      },
      summary: {
        "total-successful-session-count": 1000,
        "total-failure-session-count": 2 * rowsPerPolicy,
      },
      "failure-details": Array.from({ length: rowsPerPolicy }, (_, i) => ({
        "result-type": i % 2 ? "certificate-expired" : "starttls-not-supported",
        "sending-mta-ip": "192.0.2.1",
        "receiving-mx-hostname": `mx${i}.${domain}`,
        "failed-session-count": 2,
      })),
    });
  }
  return bytesOf({ ...googleReport(), policies });
}

/** Read, then everything ingestion derives from a report before storing it. */
function readAndAggregate(bytes: Buffer) {
  const { value, ms } = costMs(() => {
    const r = readReport(bytes);
    if (!r.ok) throw new Error(r.error.message);
    const report = r.value.reports[0] as NormalizedReport;
    const totals = domainSessionTotals(report);
    const failures = failureTotals(report);
    const hash = computeContentHash(report);
    return { report, totals, failures, hash };
  });
  return { ...value, ms };
}

describe("aggregation at scale (issue 11, RPT-JSON-7)", () => {
  it("one report naming 40,000 distinct MX hosts is read and aggregated in < 1 s", () => {
    const bytes = bigReport(MAX_FAILURE_DETAILS / DOMAINS, 30_000 / DOMAINS);
    readAndAggregate(bytes); // warm-up: the JIT, not the algorithm, dominates a first call
    const { report, totals, failures, hash, ms } = readAndAggregate(bytes);
    const names = new Set<string>();
    for (const p of report.policies) {
      for (const h of p.mxHosts) names.add(h);
      for (const f of p.failureDetails) if (f.receivingMxHostname) names.add(f.receivingMxHostname);
    }
    expect(names.size).toBe(40_000);
    expect(failures).toHaveLength(MAX_FAILURE_DETAILS);
    expect(failures[0]).toEqual({
      policyDomain: "d0.example",
      mxHost: "mx0.d0.example",
      resultType: "starttls-not-supported",
      sessions: 2,
    });
    expect(totals).toEqual(
      Array.from({ length: DOMAINS }, (_, d) => ({
        policyDomain: `d${d}.example`,
        sessions: { successful: 1000, failed: 5000 },
      })),
    );
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.warnings).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });

  it("40,000 failure rows: 10,000 kept, 30,000 dropped with a warning, in < 1 s", () => {
    const bytes = bigReport(10_000, 0);
    readAndAggregate(bytes);
    const { report, failures, ms } = readAndAggregate(bytes);
    expect(failures).toHaveLength(MAX_FAILURE_DETAILS);
    expect(report.policies.map((p) => p.totalFailureSessionCount)).toEqual([
      20_000, 20_000, 20_000, 20_000,
    ]);
    expect(report.warnings.map((w) => w.message)).toEqual([
      "failure-details: 40000 rows in this report; the limit is 10000 per report, so 30000 rows were dropped (the summary counts are unchanged)",
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it("failureTotals sums repeated (domain, MX, result type) rows with one lookup each", () => {
    const detail = (mx: string | null, resultType: string, n: number): FailureDetail => ({
      resultType,
      bucket: "MX TLS",
      sendingMtaIp: null,
      receivingMxHostname: mx,
      receivingMxHelo: null,
      receivingIp: null,
      failedSessionCount: n,
      additionalInformation: null,
      failureReasonCode: null,
    });
    const pol = (
      policyDomain: string | null,
      failureDetails: FailureDetail[],
    ): NormalizedPolicy => ({
      policyType: "sts",
      policyDomain,
      policyStrings: [],
      mxHosts: [],
      totalSuccessfulSessionCount: 0,
      totalFailureSessionCount: 0,
      failureDetails,
    });
    // 40,000 distinct hosts straight into the aggregation (no reader budget in between).
    const many = Array.from({ length: 40_000 }, (_, i) => detail(`mx${i}.example`, "x", 1));
    const { value, ms } = costMs(() => failureTotals({ policies: [pol("a.example", many)] }));
    expect(value).toHaveLength(40_000);
    expect(ms).toBeLessThan(1000);
    // A separator in a name must not merge different keys.
    const tricky = failureTotals({
      policies: [
        pol("a", [detail("b\u0000c", "t", 1), detail(null, "t", 2), detail(null, "t", 3)]),
        pol("a\u0000b", [detail("c", "t", 4), detail("c", "t", 0)]),
        pol(null, [detail("c", "t", 5)]),
      ],
    });
    expect(tricky.map((f) => [f.policyDomain, f.mxHost, f.sessions])).toEqual([
      ["a", "b\u0000c", 1],
      ["a", "", 5],
      ["a\u0000b", "c", 4],
      [null, "c", 5],
    ]);
  });

  it("RPT-JSON-7: 1,000 entries of distinct types for one domain total in < 100 ms", () => {
    const entries = Array.from({ length: 1000 }, (_, i) => ({
      policyType: `type-${i}`,
      successful: i,
      failed: 0,
    }));
    const { value, ms } = costMs(() => sessionsOf(entries));
    expect(value).toEqual({ successful: 999, failed: 0 });
    expect(ms).toBeLessThan(100);
  });
});
