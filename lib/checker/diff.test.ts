import { describe, expect, it } from "vitest";
import { diffReports } from "./diff";
import { buildReport } from "./report";
import type { CheckResult } from "./types";

const r = (id: string, evidence: string, target?: string): CheckResult => ({
  id,
  severity: "ok",
  title: id,
  evidence,
  fix: "",
  ...(target ? { target } : {}),
});
const report = (results: CheckResult[]) => buildReport("d.test", 0, 1, "enforce", false, results);

describe("diffReports evidence", () => {
  it("ignores fetch times and days left, which differ on every run", () => {
    const before = report([
      r("CHK-HOST-7", "21 ms", "mta-sts.d.test"),
      r("CHK-MX-5", "subject CN=mx; expires 2027-02-27T07:50:07.000Z (89 days)", "mx.d.test"),
    ]);
    const after = report([
      r("CHK-HOST-7", "340 ms", "mta-sts.d.test"),
      r("CHK-MX-5", "subject CN=mx; expires 2027-02-27T07:50:07.000Z (88 days)", "mx.d.test"),
    ]);
    expect(diffReports(before, after)).toEqual([]);
  });

  it("still reports a renewed certificate and a changed record", () => {
    const before = report([
      r("CHK-MX-5", "expires 2027-02-27T07:50:07.000Z (89 days)", "mx.d.test"),
      r("CHK-TXT-1", '"v=STSv1; id=a"'),
    ]);
    const after = report([
      r("CHK-MX-5", "expires 2027-05-28T07:50:07.000Z (179 days)", "mx.d.test"),
      r("CHK-TXT-1", '"v=STSv1; id=b"'),
    ]);
    expect(diffReports(before, after).map((c) => `${c.kind}:${c.id}`)).toEqual([
      "evidence:CHK-MX-5",
      "evidence:CHK-TXT-1",
    ]);
  });
});

describe("diffReports per address (issue 12)", () => {
  const at = (result: CheckResult, address: string, severity: CheckResult["severity"] = "ok") => ({
    ...result,
    address,
    severity,
  });

  it("names the address whose result changed", () => {
    const mx = r("CHK-MX-5", "cert", "mx.d.test");
    const before = report([at(mx, "192.0.2.1"), at(mx, "2001:db8::1")]);
    const after = report([at(mx, "192.0.2.1"), at(mx, "2001:db8::1", "error")]);
    expect(diffReports(before, after)).toMatchObject([
      { kind: "regressed", id: "CHK-MX-5", target: "mx.d.test", address: "2001:db8::1" },
    ]);
  });

  it("compares a run stored before per-address probing with the first address", () => {
    const mx = r("CHK-MX-5", "cert", "mx.d.test");
    const before = report([mx]);
    const after = report([at(mx, "192.0.2.1"), at(mx, "2001:db8::1", "error")]);
    expect(diffReports(before, after).map((c) => `${c.kind}:${c.address ?? ""}`)).toEqual([
      "new:2001:db8::1",
    ]);
  });
});
