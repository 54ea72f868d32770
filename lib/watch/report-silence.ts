// WATCH-SILENCE: reports stopped after they had flowed. Reports for a day arrive the day
// after, so today never counts: the silence is the whole days after the last reported day.
import { addDays, dayOf, daysBetween } from "./dates";
import type { Detection, WatchInput } from "./types";

const KIND = "WATCH-SILENCE" as const;

export function detectSilence(input: WatchInput): Detection {
  const last = input.lastReportDay;
  const done = { kind: KIND, evaluated: true, keep: [] };
  if (last === null) return { ...done, findings: [] };
  const today = dayOf(input.now);
  const silent = daysBetween(last, today) - 1;
  if (silent < input.thresholds.silenceDays) return { ...done, findings: [] };
  return {
    ...done,
    findings: [
      {
        kind: KIND,
        subject: "reports",
        severity: "warning",
        title: `No TLS reports for ${silent} days`,
        detail: `The last report for ${input.domain} covered ${last}; none covered ${addDays(last, 1)} to ${addDays(today, -1)} (${silent} days).`,
        fix: `Check that the _smtp._tls record of ${input.domain} still names this installation's report address (step 4), that the report mailbox is polled (Settings) and the report endpoint is reachable. Reporters also go quiet when no mail reaches the domain.`,
        i18n: {
          namespace: "findings",
          title: { key: `${KIND}.title`, params: { days: silent } },
          detail: {
            key: `${KIND}.detail`,
            params: {
              domain: input.domain,
              last,
              from: addDays(last, 1),
              to: addDays(today, -1),
              days: silent,
            },
          },
          fix: { key: `${KIND}.fix`, params: { domain: input.domain } },
        },
      },
    ],
  };
}
