// Days are UTC calendar days written YYYY-MM-DD, the unit of TLS reports (RPT-JSON-3).

export interface DayRange {
  from: string;
  to: string;
}

export const RANGE_PRESETS = [7, 30, 90] as const;
export const DEFAULT_RANGE_DAYS = 30;
/** A year and a bit: the longest range the chart API answers. */
export const MAX_RANGE_DAYS = 400;

const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(s: string): boolean {
  if (!DAY_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

/** Whole days from `a` to `b` (b - a). */
export function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Every day from `from` to `to`, both included. */
export function daysOf(range: DayRange): string[] {
  const out: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Reports for a day arrive the next day, so a range of N days ends yesterday (UTC) and
 * covers N days.
 */
export function lastDays(n: number, now: Date): DayRange {
  const to = addDays(utcDay(now), -1);
  return { from: addDays(to, -(n - 1)), to };
}
