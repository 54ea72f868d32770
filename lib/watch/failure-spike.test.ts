import { describe, expect, it } from "vitest";
import { detectFailures } from "./failure-spike";
import type { WatchRollup } from "./types";
import { checkedRefs, input } from "./watch.test-utils";

const r = (day: string, mxHost: string, resultType: string, sessions: number): WatchRollup => ({
  day,
  mxHost,
  resultType,
  sessions,
});

// Baseline before the window (2026-11-27 .. 2026-11-30 with a 3-day window).
const BASELINE = [
  r("2026-11-20", "*", "success", 1000),
  r("2026-11-20", "mx2.example.com", "starttls-not-supported", 2),
];

describe("WATCH-FAILURES: failure rate on one MX, and new failure result types", () => {
  it("finds a rate above the threshold on one MX, with the result types", () => {
    const rows = [
      ...BASELINE,
      r("2026-11-28", "*", "success", 900),
      r("2026-11-28", "*", "failure", 100),
      r("2026-11-28", "mx2.example.com", "starttls-not-supported", 60),
      r("2026-11-29", "mx2.example.com", "starttls-not-supported", 20),
      r("2026-11-29", "mx1.example.com", "starttls-not-supported", 20),
    ];
    expect(checkedRefs(detectFailures(input({ rollups: rows })))).toEqual({
      kind: "WATCH-FAILURES",
      evaluated: true,
      keep: [],
      findings: [
        {
          kind: "WATCH-FAILURES",
          subject: "mx2.example.com",
          severity: "error",
          title: "8.0% of sessions failed on mx2.example.com",
          detail:
            "80 failed sessions on mx2.example.com of 1000 sessions reported for example.com from 2026-11-27 to 2026-11-30 (threshold 5%): starttls-not-supported 80.",
          fix: "Open Reports and the failure details of mx2.example.com: fix what the result types name (certificate, STARTTLS, the policy's mx list) or take the host out of the MX records. Under enforce, this mail is delayed or bounced.",
        },
        {
          kind: "WATCH-FAILURES",
          subject: "mx1.example.com: starttls-not-supported",
          severity: "warning",
          title: "New failure type starttls-not-supported on mx1.example.com",
          detail:
            "20 sessions with result type starttls-not-supported on mx1.example.com from 2026-11-27 to 2026-11-30; none before 2026-11-27 in the stored reports.",
          fix: "Open Reports and the failure details of mx1.example.com to see which senders report starttls-not-supported, and fix the cause on the host (a changed certificate, STARTTLS, the policy's mx list).",
        },
      ],
    });
  });

  it("calls no result type new before reports had flowed", () => {
    const rows = [
      r("2026-11-28", "*", "success", 1000),
      r("2026-11-28", "mx1.example.com", "certificate-expired", 1),
      r("2026-11-29", "mx1.example.com", "validation-failure", 1),
    ];
    expect(checkedRefs(detectFailures(input({ rollups: rows }))).findings).toEqual([]);
  });
});
