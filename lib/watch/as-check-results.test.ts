import { describe, expect, it } from "vitest";
import type { CheckReport } from "../checker/types";
import { withFindings } from "./as-check-results";

const report: CheckReport = {
  domain: "example.com",
  startedAt: "2026-11-30T06:00:00.000Z",
  finishedAt: "2026-11-30T06:00:03.000Z",
  durationMs: 3000,
  mode: "enforce",
  deadlineHit: false,
  results: [
    { id: "CHK-TXT-1", severity: "ok", title: "MTA-STS record found", evidence: "x", fix: "" },
  ],
  summary: { error: 0, warning: 0, info: 0, ok: 1, untested: 0 },
};

describe("CHK-OPS findings shown as check results", () => {
  it("adds CHK-OPS-* findings as results (first, as errors sort first) and recounts; leaves WATCH-* out", () => {
    const out = withFindings(report, [
      {
        kind: "CHK-OPS-3",
        subject: "mx.new.example",
        severity: "error",
        title: "MX host mx.new.example is not covered by the policy",
        detail: "MX hosts of example.com: mx.new.example.",
        fix: "Add it.",
      },
      {
        kind: "WATCH-CERT",
        subject: "mx1.example.com",
        severity: "warning",
        title: "t",
        detail: "d",
        fix: "f",
      },
    ]);
    expect(out.results).toEqual([
      {
        id: "CHK-OPS-3",
        severity: "error",
        title: "MX host mx.new.example is not covered by the policy",
        evidence: "MX hosts of example.com: mx.new.example.",
        fix: "Add it.",
        target: "mx.new.example",
      },
      report.results[0],
    ]);
    expect(out.summary).toEqual({ error: 1, warning: 0, info: 0, ok: 1, untested: 0 });
  });
});
