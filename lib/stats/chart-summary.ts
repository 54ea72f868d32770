// One-line text summaries of the report charts (issue 16 §3): what a sighted reader takes
// from the bars at a glance, for everyone. Pure functions of the stats the charts draw.
import { formatUtcDay } from "@/lib/core/format-date";
import { formatCount } from "@/lib/core/format-number";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { failureRate, formatRate } from "./aggregate";
import type { DailySessions, MxFailures } from "./types";

const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** The daily chart: totals, the failure rate and the day with the most failures. */
export function dailySummary(daily: readonly DailySessions[], from: string, to: string): string {
  const ok = daily.reduce((s, d) => s + d.successful, 0);
  const failed = daily.reduce((s, d) => s + d.failed, 0);
  if (ok + failed === 0) return `No sessions were reported from ${from} to ${to}.`;
  const head = `From ${from} to ${to}: ${plural(ok, "successful session", "successful sessions")} and ${formatCount(failed)} failed (${formatRate(failureRate(ok, failed))} failed)`;
  if (failed === 0) return `${head}.`;
  const worst = daily.reduce((a, b) => (b.failed > a.failed ? b : a));
  return `${head}; most failures on ${worst.day} (${formatCount(worst.failed)}).`;
}

/** One MX chart: its failures, the result type with the most of them and the worst day. */
export function mxSummary(mx: MxFailures): string {
  const name = mx.mxHost || "The MX not named in the reports";
  if (mx.total === 0) return `${name}: no failed sessions.`;
  const [type, n] = Object.entries(mx.byType).reduce((a, b) => (b[1] > a[1] ? b : a));
  const worst = mx.days.reduce((a, b) => (b.total > a.total ? b : a));
  return `${name}: ${plural(mx.total, "failed session", "failed sessions")}, ${formatCount(n)} of them ${type}; most on ${worst.day} (${formatCount(worst.total)}).`;
}

// The same summaries for the UI, in the reader's language (issue 16 §6): a MessageRef into
// the `reports.summary` messages. Days and the rate come formatted for the locale; counts
// are numbers, so the messages' plurals pick the form and group the digits.

/** dailySummary as a MessageRef (`reports.summary.*`). */
export function dailySummaryRef(
  daily: readonly DailySessions[],
  from: string,
  to: string,
  locale: Locale = DEFAULT_LOCALE,
): MessageRef {
  const ok = daily.reduce((s, d) => s + d.successful, 0);
  const failed = daily.reduce((s, d) => s + d.failed, 0);
  const range = { from: formatUtcDay(from, locale), to: formatUtcDay(to, locale) };
  if (ok + failed === 0) return { key: "summary.dailyNone", params: range };
  const params = { ...range, ok, failed, rate: formatRate(failureRate(ok, failed), locale) };
  if (failed === 0) return { key: "summary.daily", params };
  const worst = daily.reduce((a, b) => (b.failed > a.failed ? b : a));
  return {
    key: "summary.dailyWorst",
    params: { ...params, worstDay: formatUtcDay(worst.day, locale), worst: worst.failed },
  };
}

/** mxSummary as a MessageRef (`reports.summary.*`). */
export function mxSummaryRef(mx: MxFailures, locale: Locale = DEFAULT_LOCALE): MessageRef {
  const unnamed = mx.mxHost === "";
  if (mx.total === 0)
    return unnamed
      ? { key: "summary.mxNoneUnnamed" }
      : { key: "summary.mxNone", params: { mx: mx.mxHost } };
  const [type, n] = Object.entries(mx.byType).reduce((a, b) => (b[1] > a[1] ? b : a));
  const worst = mx.days.reduce((a, b) => (b.total > a.total ? b : a));
  const params = {
    total: mx.total,
    top: n,
    type,
    worstDay: formatUtcDay(worst.day, locale),
    worst: worst.total,
  };
  return unnamed
    ? { key: "summary.mxUnnamed", params }
    : { key: "summary.mx", params: { ...params, mx: mx.mxHost } };
}
