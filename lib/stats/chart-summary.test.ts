import { describe, expect, it } from "vitest";
import { dailySummary, mxSummary } from "./chart-summary";
import type { MxFailures } from "./types";

// Issue 16 §3: every chart has a one-line text summary.
describe("chart summaries", () => {
  it("daily: totals, rate and the worst day", () => {
    const daily = [
      { day: "2026-11-01", successful: 12000, failed: 3 },
      { day: "2026-11-02", successful: 11000, failed: 40 },
      { day: "2026-11-03", successful: 9000, failed: 0 },
    ];
    expect(dailySummary(daily, "2026-11-01", "2026-11-03")).toBe(
      "From 2026-11-01 to 2026-11-03: 32,000 successful sessions and 43 failed (0.134% failed); most failures on 2026-11-02 (40).",
    );
  });

  it("daily: no failures, one session, and nothing at all", () => {
    expect(dailySummary([{ day: "2026-11-01", successful: 1, failed: 0 }], "a", "b")).toBe(
      "From a to b: 1 successful session and 0 failed (0% failed).",
    );
    expect(dailySummary([], "2026-11-01", "2026-11-07")).toBe(
      "No sessions were reported from 2026-11-01 to 2026-11-07.",
    );
  });

  it("per MX: the biggest result type and the worst day", () => {
    const mx: MxFailures = {
      mxHost: "mx2.example",
      total: 1250,
      byType: { "starttls-not-supported": 50, "certificate-expired": 1200 },
      days: [
        { day: "2026-11-01", total: 50, byType: { "starttls-not-supported": 50 } },
        { day: "2026-11-02", total: 1200, byType: { "certificate-expired": 1200 } },
      ],
    };
    expect(mxSummary(mx)).toBe(
      "mx2.example: 1,250 failed sessions, 1,200 of them certificate-expired; most on 2026-11-02 (1,200).",
    );
    expect(mxSummary({ mxHost: "", total: 0, byType: {}, days: [] })).toBe(
      "The MX not named in the reports: no failed sessions.",
    );
  });
});
