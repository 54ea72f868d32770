import { describe, expect, it } from "vitest";
import type { CheckReport } from "../checker/types";
import { findingsAsResults, withFindings } from "./as-check-results";

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

describe("issue 16 §6: the stored refs of a finding", () => {
  const finding = {
    kind: "CHK-OPS-3",
    subject: "mx.new.example",
    severity: "error",
    title: "MX host mx.new.example is not covered by the policy",
    detail: "d",
    fix: "f",
  };

  it("go with the result, for the check page to translate", () => {
    const title = { key: "ops.uncovered", params: { host: "mx.new.example" } };
    const stored = { namespace: "checks", title, detail: { key: "d" }, fix: { key: "f" } };
    expect(findingsAsResults([{ ...finding, i18n: JSON.stringify(stored) }])[0]?.i18n).toEqual({
      title,
      evidence: { key: "d" },
      fix: { key: "f" },
    });
    // refs of another namespace (WATCH-*'s `findings`) are not check-page keys: English
    const other = { ...stored, namespace: "findings" };
    expect(findingsAsResults([{ ...finding, i18n: JSON.stringify(other) }])[0]?.i18n).toBe(
      undefined,
    );
  });

  it("are left out when none were stored (rows before issue 16) or they are unreadable", () => {
    for (const i18n of [null, undefined, "", "not json", "42"]) {
      const [r] = findingsAsResults([{ ...finding, i18n }]);
      expect(r?.title).toBe("MX host mx.new.example is not covered by the policy");
      expect(r && "i18n" in r).toBe(false);
    }
  });
});
