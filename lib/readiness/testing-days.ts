import { addDays } from "@/lib/stats/date-range";
import { tlsRptRecord } from "./checker-criteria";
import { TESTING_DAYS } from "./constants";
import { currentMxHosts, judgeDay } from "./day-evidence";
import type { Windows } from "./days";
import { ev, evidenceOf } from "./evidence-text";
import { withReasons, type Reason } from "./reason-text";
import type { Criterion, ReadinessInput, ReportEntry } from "./types";

/**
 * READY-3: the TLS-RPT record is valid and reports cover ≥ 14 consecutive days on which
 * senders saw a testing policy covering the current MX set (day-evidence.ts).
 */
export function testingDaysSeen(input: ReadinessInput, w: Windows): Criterion {
  const base = { id: "READY-3" as const, title: "14 consecutive days of reports in testing mode" };
  const record = tlsRptRecord(input);
  if (w.latest === null)
    return {
      ...base,
      status: "not-met",
      summary: "No reports yet: is _smtp._tls published? Reports arrive once a day.",
      message: { key: "noReportsYet" },
      ...evidenceOf([record.evidence]),
    };
  if (!w.recent)
    return {
      ...base,
      status: "not-met",
      summary: `No report since ${w.latest}: reports have stopped arriving.`,
      message: { key: "reportsStopped", params: { day: w.latest } },
      ...evidenceOf([record.evidence]),
    };
  const byDay = new Map<string, ReportEntry[]>();
  for (const e of input.entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
  const mx = currentMxHosts(input);
  const fromHistory = new Set<string>();
  let run = 0;
  let day = w.latest;
  let stop: Reason | null = null;
  for (;;) {
    const judged = judgeDay(input, day, byDay.get(day) ?? [], mx);
    if (judged.stop) {
      stop = judged.stop;
      break;
    }
    judged.fromHistory.forEach((o) => fromHistory.add(o));
    run += 1;
    day = addDays(day, -1);
  }
  const first = addDays(w.latest, -(run - 1));
  // `stop` is day-evidence's reason, quoted with its ref (as in the summary).
  const evidence = evidenceOf([
    run > 0
      ? ev("testingRun", { n: run, from: first, to: w.latest })
      : ev("latestNotTesting", { day: w.latest }),
    ev("runStartsAfter", {}, { stop: [stop] }),
    ev("currentMx", { hasHosts: mx.length > 0 ? "yes" : "no", hosts: mx.join(", ") }),
    ...(fromHistory.size > 0
      ? [ev("modeFromHistory", { orgs: [...fromHistory].sort().join(", ") })]
      : []),
    record.evidence,
  ]);
  if (run < TESTING_DAYS)
    return {
      ...base,
      status: "not-met",
      summary: `${run} of ${TESTING_DAYS} days so far: the run starts after ${stop.text}.`,
      message: withReasons(
        { key: "testingDaysSoFar", params: { run, need: TESTING_DAYS } },
        { after: [stop] },
      ),
      ...evidence,
    };
  if (record.valid === false)
    return {
      ...base,
      status: "not-met",
      summary: "The TLS-RPT record has problems.",
      message: { key: "tlsRptProblems" },
      ...evidence,
    };
  if (record.valid === null)
    return {
      ...base,
      status: "unknown",
      summary: `${run} days of reports; the TLS-RPT record has not been checked: run 1·Check.`,
      message: { key: "tlsRptUnchecked", params: { run } },
      ...evidence,
    };
  return {
    ...base,
    status: "met",
    summary: `${run} consecutive days of reports.`,
    message: { key: "testingDaysMet", params: { run } },
    ...evidence,
  };
}
