// Issue 11: single report fields crafted to be expensive. Each finding is a regression test:
// the exact outcome, within a time bound (old times are from this 2-core machine).
import { describe, expect, it } from "vitest";
import { readReport } from "./read-report";
import { bytesOf, costMs, googleReport, type Json } from "./inline-reports.test-utils";
import { MAX_KINDS } from "./warnings";

type Obj = { [k: string]: Json };
const policy0 = (v: Obj) => (v.policies as Obj[])[0] as Obj;
const detail0 = (v: Obj) => (policy0(v)["failure-details"] as Obj[])[0] as Obj;

function read(edit: (v: Obj) => void) {
  const v = googleReport();
  edit(v);
  return costMs(() => readReport(bytesOf(v)));
}

describe("expensive fields (issue 11)", () => {
  it("RPT-QUIRK-5: a policy-string of 4 MB of '[' is kept as sent, unparsed (was ~5 s)", () => {
    const deep = "[".repeat(4_000_000);
    const { value: r, ms } = read((v) => {
      (policy0(v).policy as Obj)["policy-string"] = [deep];
    });
    expect(r.ok && r.value.reports[0]?.policies[0]?.policyStrings[0] === deep).toBe(true);
    expect(r.ok && r.value.reports[0]?.warnings).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });

  it("RPT-JSON-9: a 2 MB internationalised mx-host is not sent through IDNA (was ~1.7 s)", () => {
    const { value: r, ms } = read((v) => {
      (policy0(v).policy as Obj)["mx-host"] = [`é${"a".repeat(2_000_000)}`];
    });
    expect(r.ok && r.value.reports[0]?.warnings).toMatchObject([
      {
        id: "RPT-JSON-9",
        severity: "warning",
        message: `policies[0].policy.mx-host[0]: "é${"a".repeat(76)}..." is not a valid domain name; kept as sent`,
      },
    ]);
    expect(ms).toBeLessThan(500);
  });

  it("RPT-JSON-8: a 2 MB 'IP address' is dropped unparsed (was ~1.4 s)", () => {
    const { value: r, ms } = read((v) => {
      detail0(v)["sending-mta-ip"] = "1:".repeat(1_000_000);
    });
    expect(r.ok && r.value.reports[0]?.policies[0]?.failureDetails[0]?.sendingMtaIp).toBeNull();
    expect(r.ok && r.value.reports[0]?.warnings).toMatchObject([
      {
        id: "RPT-JSON-8",
        severity: "warning",
        message: `policies[0].failure-details[0].sending-mta-ip: "${"1:".repeat(38)}1..." is not an IP address; dropped`,
      },
    ]);
    expect(ms).toBeLessThan(500);
  });

  it("RPT-QUIRK-2: a date-time with 2 MB of fraction digits is refused unread", () => {
    const { value: r, ms } = read((v) => {
      (v["date-range"] as Obj)["start-datetime"] = `2025-04-12T00:00:00.${"1".repeat(2_000_000)}Z`;
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "invalid-field",
        field: "date-range.start-datetime",
        message: `date-range.start-datetime: expected an RFC 3339 date-time, got "2025-04-12T00:00:00.${"1".repeat(36)}...`,
      },
    });
    expect(ms).toBeLessThan(500);
  });

  it(`RPT-JSON-10: 10,000 distinct unknown result types keep ${MAX_KINDS} warnings and count the rest`, () => {
    const { value: r, ms } = read((v) => {
      policy0(v)["failure-details"] = Array.from({ length: 10_000 }, (_, i) => ({
        "result-type": `new-type-${i}-${"x".repeat(200)}`,
        "failed-session-count": 1,
      }));
    });
    const warnings = r.ok ? r.value.reports[0]!.warnings : [];
    expect(warnings).toHaveLength(MAX_KINDS + 1);
    expect(warnings.at(-1)).toMatchObject({
      id: "RPT-ING-1",
      severity: "info",
      message: "9951 more warnings of other kinds were not kept (at most 50 kinds per report)",
    });
    expect(Math.max(...warnings.map((w) => w.message.length))).toBeLessThan(200);
    expect(ms).toBeLessThan(1000);
  });
});
