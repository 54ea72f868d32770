// Issue 11, deliverable 3: budgets per input, counted across the WHOLE input (RPT-ING-1).
// Every gzip member and every attachment, forwarded messages included, draws on one budget.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  MAX_ATTACHMENTS,
  MAX_DECOMPRESSED,
  MAX_FAILURE_DETAILS,
  MAX_POLICIES,
  MAX_REPORTS,
} from "./budget";
import { domainSessionTotals } from "./domain-totals";
import { readAny } from "./read-any";
import { readReport } from "./read-report";
import {
  bytesOf,
  costMsAsync,
  emailOf,
  googleReport,
  type Json,
  type Part,
} from "./inline-reports.test-utils";
import type { NormalizedReport } from "./types";

const MIB = 1024 * 1024;
const report = (id: string) => ({ ...googleReport(), "report-id": id });
const jsonPart = (id: string): Part => ({
  type: "application/tlsrpt+json",
  name: `google.com!example.com!1744416000!1744502399!${id}.json`,
  body: bytesOf(report(id)),
});
/** A valid report padded with spaces to `size` bytes of JSON, gzipped. */
const paddedGzip = (id: string, size: number) => {
  const json = bytesOf(report(id));
  return gzipSync(Buffer.concat([json, Buffer.alloc(size - json.length, 0x20)]));
};
const forwarded = (parts: Part[], boundary: string): Part => ({
  type: "message/rfc822",
  body: emailOf(parts, boundary),
});

async function timedAny(bytes: Buffer, hints = {}) {
  const { value: r, ms } = await costMsAsync(() => readAny(bytes, hints));
  return { r, ms };
}

describe("per-input budgets (issue 11, RPT-ING-1)", () => {
  it("exports the limits the HTTP layer and the docs cite", () => {
    expect([
      MAX_DECOMPRESSED,
      MAX_ATTACHMENTS,
      MAX_REPORTS,
      MAX_POLICIES,
      MAX_FAILURE_DETAILS,
    ]).toEqual([20 * MIB, 50, 100, 1_000, 10_000]);
  });

  it(`an e-mail with ${MAX_ATTACHMENTS} report attachments is read; one more is refused`, async () => {
    const parts = Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => jsonPart(`r${i}`));
    const ok = await readAny(emailOf(parts.slice(0, MAX_ATTACHMENTS)));
    expect(ok.ok && ok.value.reports.length).toBe(MAX_ATTACHMENTS);
    const { r, ms } = await timedAny(emailOf(parts));
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "too-large",
        message:
          "the message has more than 50 attachments (the limit is 50 per message, forwarded messages included); refused",
      },
    });
    expect(ms).toBeLessThan(2000);
  });

  it("attachments of forwarded messages count towards the same 50 (10 × 5 + 10 = 60)", async () => {
    const inner = (k: number) =>
      forwarded(
        Array.from({ length: 5 }, (_, i) => jsonPart(`f${k}-${i}`)),
        `inner${k}`,
      );
    const { r, ms } = await timedAny(emailOf(Array.from({ length: 10 }, (_, k) => inner(k))));
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "too-large",
        message:
          "the message has more than 50 attachments (the limit is 50 per message, forwarded messages included); refused",
      },
    });
    expect(ms).toBeLessThan(2000);
  });

  it("gzip attachments that each fit but together expand past 20 MiB are refused", async () => {
    const parts = ["a", "b", "c"].map((id) => ({
      type: "application/tlsrpt+gzip",
      body: paddedGzip(id, 8 * MIB),
    }));
    const { r, ms } = await timedAny(emailOf(parts));
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "decompression-bomb",
        message:
          "the gzip data expands past 20.0 MiB together with the input's other parts (the limit is per input); stopped at the limit",
      },
    });
    expect(ms).toBeLessThan(5000);
    // Each part alone is a good report.
    const one = readReport(paddedGzip("a", 8 * MIB));
    expect(one.ok).toBe(true);
  });

  it("a gzip part and a JSON part together above 20 MiB of JSON are refused", async () => {
    const json = bytesOf(report("j"));
    const parts: Part[] = [
      { type: "application/tlsrpt+gzip", body: paddedGzip("g", 16 * MIB) },
      {
        type: "application/tlsrpt+json",
        body: Buffer.concat([json, Buffer.alloc(5 * MIB, 0x20)]),
      },
    ];
    const { r } = await timedAny(emailOf(parts));
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "too-large",
        message:
          "the input holds more than 20.0 MiB of JSON over all its parts (the limit is 20.0 MiB per input); refused",
      },
    });
  });

  it("gzip members share the cap: three 8 MiB members are one 24 MiB document", () => {
    const text = bytesOf(report("m"));
    const padded = Buffer.concat([text, Buffer.alloc(24 * MIB - text.length, 0x20)]);
    const third = padded.length / 3;
    const members = [0, 1, 2].map((k) => gzipSync(padded.subarray(k * third, (k + 1) * third)));
    const r = readReport(Buffer.concat(members));
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "decompression-bomb",
        message: "the gzip data expands past 20.0 MiB; stopped at the limit",
      },
    });
  });

  it("reports past the per-input count are refused (limit lowered to 2 for the test)", async () => {
    const mail = emailOf([jsonPart("a"), jsonPart("b"), jsonPart("c")]);
    const { r } = await timedAny(mail, { limits: { reports: 2 } });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "too-large",
        message: "the input holds more than 2 reports (the limit is 2 per input); refused",
      },
    });
    expect((await readAny(mail, { limits: { reports: 3 } })).ok).toBe(true);
  });
});

/** One policy entry: `rows` failure rows, summary {ok, failed}. */
function policy(domain: string, type: string, ok: number, failed: number, rows = 0): Json {
  return {
    policy: { "policy-type": type, "policy-domain": domain },
    summary: { "total-successful-session-count": ok, "total-failure-session-count": failed },
    "failure-details": Array.from({ length: rows }, (_, i) => ({
      "result-type": "starttls-not-supported",
      "receiving-mx-hostname": `mx${i}.${domain}`,
      "failed-session-count": 1,
    })),
  };
}
const withPolicies = (policies: Json[]): NormalizedReport => {
  const r = readReport(bytesOf({ ...googleReport(), policies }));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.reports[0] as NormalizedReport;
};

describe("per-report row budgets (issue 11)", () => {
  it(`keeps ${MAX_POLICIES} policy entries; the rest are folded into the domain totals`, () => {
    const entries: Json[] = [];
    for (let i = 0; i < MAX_POLICIES + 5; i++) {
      entries.push(policy(`d${i % 10}.example`, i % 2 ? "tlsa" : "sts", 3, 1, i === 0 ? 2 : 0));
    }
    entries.push(policy("only-late.example", "sts", 7, 0)); // no kept entry to fold into
    const r = withPolicies(entries);
    expect(r.policies).toHaveLength(MAX_POLICIES);
    expect(r.warnings.filter((w) => w.id === "RPT-ING-1")).toMatchObject([
      {
        id: "RPT-ING-1",
        severity: "warning",
        message:
          "policies: 1006 entries; the limit is 1000 per report, so 6 were dropped (their session counts were added to the kept entry of the same type and domain; 1 of them had no kept entry of that type and domain, so their 7 sessions are not counted)",
      },
    ]);
    // 1,005 entries over 10 domains: each domain's sts sessions are what all its entries said.
    const totals = domainSessionTotals(r);
    expect(totals).toHaveLength(10);
    expect(totals[0]).toEqual({
      policyDomain: "d0.example",
      sessions: { successful: 3 * 101, failed: 101 },
    });
    expect(r.policies[0]?.failureDetails).toHaveLength(2);
  });

  it(`keeps ${MAX_FAILURE_DETAILS} failure rows per report; the summary counts are unchanged`, () => {
    const r = withPolicies([
      policy("a.example", "sts", 5, 6000, 6000),
      policy("b.example", "sts", 5, 6000, 6000),
    ]);
    expect(r.policies.map((p) => p.failureDetails.length)).toEqual([6000, 4000]);
    expect(r.policies.map((p) => p.totalFailureSessionCount)).toEqual([6000, 6000]);
    expect(r.warnings.filter((w) => w.id === "RPT-ING-1")).toMatchObject([
      {
        id: "RPT-ING-1",
        severity: "warning",
        message:
          "failure-details: 12000 rows in this report; the limit is 10000 per report, so 2000 rows were dropped (the summary counts are unchanged)",
      },
    ]);
  });
});
