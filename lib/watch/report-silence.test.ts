import { describe, expect, it } from "vitest";
import { detectSilence } from "./report-silence";
import { checkedRefs, input } from "./watch.test-utils";

describe("WATCH-SILENCE: reports stopped after they had flowed", () => {
  it("finds 3 whole days without reports (today does not count)", () => {
    expect(checkedRefs(detectSilence(input({ lastReportDay: "2026-11-26" })))).toEqual({
      kind: "WATCH-SILENCE",
      evaluated: true,
      keep: [],
      findings: [
        {
          kind: "WATCH-SILENCE",
          subject: "reports",
          severity: "warning",
          title: "No TLS reports for 3 days",
          detail:
            "The last report for example.com covered 2026-11-26; none covered 2026-11-27 to 2026-11-29 (3 days).",
          fix: "Check that the _smtp._tls record of example.com still names this installation's report address (step 4), that the report mailbox is polled (Settings) and the report endpoint is reachable. Reporters also go quiet when no mail reaches the domain.",
        },
      ],
    });
  });

  it("is quiet below the threshold and when no report ever came", () => {
    expect(checkedRefs(detectSilence(input({ lastReportDay: "2026-11-27" }))).findings).toEqual([]);
    expect(checkedRefs(detectSilence(input({ lastReportDay: null }))).findings).toEqual([]);
  });
});
