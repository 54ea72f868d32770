import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { daysOf, type DayRange } from "./date-range";
import { sortResultTypes } from "./result-types";
import type { DailySessions, MxFailures, ReporterRow } from "./types";

// Pure shaping of the rollup rows the stats queries return (DailyRollup, see
// prisma/schema.prisma): dense day series, per-MX failures and the reporter table.

/** Summary rollups of one day, summed over reporters: resultType "success" | "failure". */
export interface DaySummaryRow {
  day: string;
  resultType: string;
  sessions: number;
}

/** One reporter's summary sessions and the days it reported, in a range. */
export interface ReporterSessions {
  reporterKey: string;
  successful: number;
  failed: number;
  daysReported: number;
}

/** Failure-detail rollups: one result type on one MX ("" = unknown) on one day. */
export interface FailureRow {
  day: string;
  mxHost: string;
  resultType: string;
  sessions: number;
}

export function dailySeries(range: DayRange, rows: readonly DaySummaryRow[]): DailySessions[] {
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
  rows: readonly ReporterSessions[],
  names: ReadonlyMap<string, string>,
): ReporterRow[] {
  return rows
    .map((r) => ({
      ...r,
      organization: names.get(r.reporterKey) ?? r.reporterKey,
      failureRate: failureRate(r.successful, r.failed),
    }))
    .sort(
      (x, y) =>
        y.successful + y.failed - (x.successful + x.failed) ||
        x.reporterKey.localeCompare(y.reporterKey),
    );
}

export function mxFailureSeries(
  range: DayRange,
  rows: readonly FailureRow[],
): { mxFailures: MxFailures[]; resultTypes: string[] } {
  const days = daysOf(range);
  const dayIndex = new Map(days.map((d, i) => [d, i]));
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
    const d = mx.days[dayIndex.get(r.day) ?? -1];
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

/** "0.42%" with enough digits to tell a small rate from zero; German "0,42 %" (issue 16 §6). */
export function formatRate(rate: number, locale: Locale = DEFAULT_LOCALE): string {
  const pct = rate * 100;
  const digits =
    rate === 0 ? "0" : pct < 1 ? pct.toFixed(3) : pct < 10 ? pct.toFixed(2) : pct.toFixed(1);
  return locale === "de" ? `${digits.replace(".", ",")}\u00a0%` : `${digits}%`;
}
