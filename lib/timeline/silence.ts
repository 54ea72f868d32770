// "Days without reports" on the timeline: each gap between days reports covered, and the
// current one up to yesterday (reports for today arrive tomorrow).
import { addDays, dayOf, daysBetween } from "../watch/dates";
import type { TimelineEntry } from "./types";

export function silenceEntries(reportDays: readonly string[], now: Date): TimelineEntry[] {
  const days = [...new Set(reportDays)].sort();
  const out: TimelineEntry[] = [];
  const gap = (from: string, to: string) => {
    const n = daysBetween(from, to) + 1;
    if (n < 1) return;
    out.push({
      key: `silence:${from}`,
      at: `${from}T00:00:00.000Z`,
      kind: "silence",
      ref: null,
      severity: "warning",
      title: n === 1 ? "1 day without reports" : `${n} days without reports`,
      detail: from === to ? `No report covered ${from}.` : `No report covered ${from} to ${to}.`,
      text: {
        title: { key: "silenceTitle", params: { days: n } },
        detail:
          from === to
            ? { key: "silenceDay", params: { from } }
            : { key: "silenceDays", params: { from, to } },
      },
    });
  };
  days.forEach((day, i) => {
    const next = days[i + 1];
    if (next) gap(addDays(day, 1), addDays(next, -1));
    else gap(addDays(day, 1), addDays(dayOf(now), -1));
  });
  return out;
}
