import { addDays, dayDiff, utcDay } from "@/lib/stats/date-range";
import { CLEAN_DAYS, MAX_REPORT_LAG_DAYS, TESTING_DAYS } from "./constants";
import type { ReadinessInput } from "./types";

/** The mode served at the end of `day` (UTC), from the version history; null before any. */
export function modeOnDay(history: ReadinessInput["history"], day: string): string | null {
  const end = Date.parse(`${addDays(day, 1)}T00:00:00Z`);
  let best: { mode: string; createdAt: Date } | null = null;
  for (const v of history) {
    if (v.createdAt.getTime() < end && (!best || v.createdAt >= best.createdAt)) best = v;
  }
  return best?.mode ?? null;
}

export interface Windows {
  /** The latest day any report covers, or null. */
  latest: string | null;
  /** Whether `latest` is recent enough to judge the domain now. */
  recent: boolean;
  /** The 14 days ending at the anchor (READY-4, READY-6, the estimate). */
  window: { from: string; to: string };
  /** The 7 days ending at the anchor (READY-5). */
  lastWeek: { from: string; to: string };
}

/**
 * The windows end at the latest report day when it is recent (reports arrive a day late),
 * otherwise at the last complete day (yesterday when not given): stale reports never make
 * a domain look ready, and days still waiting for reports are not judged (issue 15).
 */
export function windows(input: ReadinessInput, lastComplete: string | null = null): Windows {
  const through = lastComplete ?? addDays(utcDay(input.now), -1);
  let latest: string | null = null;
  for (const e of input.entries)
    if (e.day <= through && (latest === null || e.day > latest)) latest = e.day;
  const recent = latest !== null && dayDiff(latest, through) <= MAX_REPORT_LAG_DAYS - 1;
  const anchor = recent && latest !== null ? latest : through;
  return {
    latest,
    recent,
    window: { from: addDays(anchor, -(TESTING_DAYS - 1)), to: anchor },
    lastWeek: { from: addDays(anchor, -(CLEAN_DAYS - 1)), to: anchor },
  };
}

export const inRange = (day: string, r: { from: string; to: string }): boolean =>
  day >= r.from && day <= r.to;
