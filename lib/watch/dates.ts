// UTC day arithmetic for the report-based detectors (days are "YYYY-MM-DD").
const DAY_MS = 86_400_000;

export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string =>
  dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

/** Whole days from `a` to `b` (b - a). */
export const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** Whole days from `now` until `at`, negative when `at` has passed. */
export const daysUntil = (at: Date, now: Date): number =>
  Math.floor((at.getTime() - now.getTime()) / DAY_MS);

export const isoMinute = (d: Date): string =>
  `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
