import { daysOf, type DayRange } from "./date-range";
import { sortResultTypes } from "./result-types";
import type { DailySessions, MxFailures, ReporterRow } from "./types";

// Pure shaping of the rollup rows the stats queries return (DailyRollup, see
// prisma/schema.prisma): dense day series, per-MX failures and the reporter table.

/** Summary rollups: resultType "success" | "failure", mxHost "*". */
export interface SummaryRow {
  reporterKey: string;
  day: string;
  resultType: string;
  sessions: number;
}

/** Failure-detail rollups: one result type on one MX ("" = unknown) on one day. */
export interface FailureRow {
  day: string;
  mxHost: string;
  resultType: string;
  sessions: number;
}

export function dailySeries(range: DayRange, rows: readonly SummaryRow[]): DailySessions[] {
  const byDay = new Map<string, DailySessions>(
    daysOf(range).map((day) => [day, { day, successful: 0, failed: 0 }]),
  );
  for (const r of rows) {
    const d = byDay.get(r.day);
    if (!d) continue;
    if (r.resultType === "success") d.successful += r.sessions;
    else if (r.resultType === "failure") d.failed += r.sessions;
  }
  return [...byDay.values()];
}

export function reporterTable(
  rows: readonly SummaryRow[],
  names: ReadonlyMap<string, string>,
): ReporterRow[] {
  const acc = new Map<string, { days: Set<string>; successful: number; failed: number }>();
  for (const r of rows) {
    const a = acc.get(r.reporterKey) ?? { days: new Set(), successful: 0, failed: 0 };
    acc.set(r.reporterKey, a);
    a.days.add(r.day);
    if (r.resultType === "success") a.successful += r.sessions;
    else if (r.resultType === "failure") a.failed += r.sessions;
  }
  return [...acc.entries()]
    .map(([reporterKey, a]) => {
      const total = a.successful + a.failed;
      return {
        reporterKey,
        organization: names.get(reporterKey) ?? reporterKey,
        daysReported: a.days.size,
        successful: a.successful,
        failed: a.failed,
        failureRate: total === 0 ? 0 : a.failed / total,
      };
    })
    .sort((x, y) => y.successful + y.failed - (x.successful + x.failed));
}

export function mxFailureSeries(
  range: DayRange,
  rows: readonly FailureRow[],
): { mxFailures: MxFailures[]; resultTypes: string[] } {
  const days = daysOf(range);
  const byMx = new Map<string, MxFailures>();
  for (const r of rows) {
    let mx = byMx.get(r.mxHost);
    if (!mx) {
      mx = {
        mxHost: r.mxHost,
        total: 0,
        byType: {},
        days: days.map((day) => ({ day, total: 0, byType: {} })),
      };
      byMx.set(r.mxHost, mx);
    }
    const i = days.indexOf(r.day);
    const d = mx.days[i];
    if (!d) continue;
    d.total += r.sessions;
    d.byType[r.resultType] = (d.byType[r.resultType] ?? 0) + r.sessions;
    mx.total += r.sessions;
    mx.byType[r.resultType] = (mx.byType[r.resultType] ?? 0) + r.sessions;
  }
  const mxFailures = [...byMx.values()].sort(
    (a, b) => b.total - a.total || a.mxHost.localeCompare(b.mxHost),
  );
  return { mxFailures, resultTypes: sortResultTypes(rows.map((r) => r.resultType)) };
}

/** Rows for a stacked bar chart: one object per day, one key per result type. */
export function stackedRows(mx: MxFailures): Record<string, string | number>[] {
  return mx.days.map((d) => ({ day: d.day, ...d.byType }));
}

export function failureRate(successful: number, failed: number): number {
  const total = successful + failed;
  return total === 0 ? 0 : failed / total;
}

/** "0.42%" with enough digits to tell a small rate from zero. */
export function formatRate(rate: number): string {
  if (rate === 0) return "0%";
  const pct = rate * 100;
  return `${pct < 1 ? pct.toFixed(3) : pct < 10 ? pct.toFixed(2) : pct.toFixed(1)}%`;
}
