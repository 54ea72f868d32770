import { addDays, utcDay } from "@/lib/stats/date-range";
import {
  type Completeness,
  hasSessions,
  lateReports,
  orgOf,
  reportedDays,
  usualBefore,
} from "./completeness";
import { CLEAN_DAYS } from "./constants";
import { inRange, type Windows } from "./days";
import type { OlderPolicyEntry } from "./policy-epochs";
import type { Coverage, CoverageCell, CoverageRow, ReadinessInput, ReportEntry } from "./types";

// Issue 15 item 1: reporters × days. No report is not the same as no failure (Microsoft
// reports only on days it delivered mail), so a usual reporter that goes quiet in the
// last week is flagged, and its silence never counts as a clean week (quiet-reporters.ts).

function cell(
  day: string,
  entries: readonly ReportEntry[],
  older: ReadonlyMap<ReportEntry, string>,
  failures: ReadinessInput["failures"],
): CoverageCell {
  const current = entries.filter((e) => !older.has(e) && hasSessions(e));
  const old = entries.filter((e) => older.has(e));
  const mxHosts = [
    ...new Set(failures.filter((f) => f.sessions > 0).map((f) => (f.mxHost ?? "").toLowerCase())),
  ].sort();
  const sum = (es: readonly ReportEntry[]) =>
    es.reduce((s, e) => ({ ok: s.ok + e.successful, failed: s.failed + e.failed }), {
      ok: 0,
      failed: 0,
    });
  const ids = [...new Set(old.map((e) => older.get(e)))].join(", ");
  const note = old.length > 0 ? `under policy ${ids}` : "";
  if (current.length > 0) {
    const t = sum(current);
    return { day, state: "reported", sessions: t.ok + t.failed, failed: t.failed, mxHosts, note };
  }
  if (old.length > 0) {
    const t = sum(old);
    return {
      day,
      state: "older-policy",
      sessions: t.ok + t.failed,
      failed: t.failed,
      mxHosts,
      note,
    };
  }
  const state = entries.length > 0 ? "zero-sessions" : "none";
  return { day, state, sessions: 0, failed: 0, mxHosts: [], note: "" };
}

export function coverage(
  input: ReadinessInput,
  w: Windows,
  done: Completeness,
  olderEntries: readonly OlderPolicyEntry[],
  graceDays: number,
): Coverage {
  const yesterday = addDays(utcDay(input.now), -1);
  const days: string[] = [];
  for (let d = w.window.from; d <= yesterday; d = addDays(d, 1)) days.push(d);
  const older = new Map(olderEntries.map((o) => [o.entry, o.policyId]));
  const byReporter = reportedDays(input.entries);
  // Quiet: a usual reporter (sessions in the 30 days before) with none in the last 7 days.
  const recent = { from: addDays(yesterday, -(CLEAN_DAYS - 1)), to: yesterday };
  const usual = new Set(usualBefore(byReporter, recent.from));
  const keys = new Set<string>(usual);
  for (const e of input.entries)
    if (inRange(e.day, { from: days[0] ?? "", to: yesterday })) keys.add(e.reporterKey);
  const rows: CoverageRow[] = [...keys].map((key) => {
    const mine = input.entries.filter((e) => e.reporterKey === key);
    const fails = input.failures.filter((f) => f.reporterKey === key);
    const reported = [...(byReporter.get(key) ?? [])].sort();
    const quiet = usual.has(key) && !reported.some((d) => inRange(d, recent));
    return {
      reporterKey: key,
      organization: orgOf(input.entries, key),
      usual: usual.has(key),
      quiet,
      lastDay: reported.at(-1) ?? null,
      cells: days.map((d) =>
        cell(
          d,
          mine.filter((e) => e.day === d),
          older,
          fails.filter((f) => f.day === d),
        ),
      ),
    };
  });
  rows.sort(
    (a, b) => Number(b.usual) - Number(a.usual) || a.organization.localeCompare(b.organization),
  );
  const gaps = days
    .filter((d) => done.lastComplete !== null && d <= done.lastComplete)
    .map((d) => ({
      day: d,
      missing: usualBefore(byReporter, d)
        .filter((k) => !byReporter.get(k)?.has(d))
        .map((k) => orgOf(input.entries, k)),
    }))
    .filter((g) => g.missing.length > 0);
  return {
    days,
    recent,
    lastComplete: done.lastComplete,
    graceDays,
    open: done.open,
    gaps,
    late: lateReports(input, graceDays),
    olderPolicy: olderEntries.map((o) => ({
      day: o.entry.day,
      organization: o.entry.organization,
      policyId: o.policyId,
    })),
    rows,
  };
}
