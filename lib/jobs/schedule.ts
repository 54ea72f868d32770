import { err, ok, type Result } from "@/lib/core/diagnostic";

// Issue 14 §1: when a scheduled job is due, as time slots. A slot is named by the UTC minute
// it starts at ("2026-12-01T03:00Z"); every instance computes the same name for the same
// slot, so the (job, slot) row in the database is the one claim they all race for.

export type Schedule =
  /** Once a day at this UTC minute of the day (0..1439). */
  | { kind: "daily"; minuteOfDay: number }
  /** Every `ms` milliseconds, slots aligned to the Unix epoch. */
  | { kind: "every"; ms: number }
  /** Only when started by hand. */
  | { kind: "manual" };

export interface Slot {
  /** The slot's name: its start as an ISO minute, "2026-12-01T03:00Z". */
  id: string;
  start: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

/** "HH:MM" (24-hour, UTC) → minute of the day; a clear message for anything else. */
export function parseDailyTime(text: string): Result<number> {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m) return err(`"${text}" is not a time of day as HH:MM (UTC, 00:00 to 23:59)`);
  return ok(Number(m[1]) * 60 + Number(m[2]));
}

/** The slot name of a start time: the ISO minute, seconds dropped ("…T03:00Z"). */
export function slotName(start: Date): string {
  return `${start.toISOString().slice(0, 16)}Z`;
}

/** The latest slot that has started at `now`, or null for a manual-only job. */
export function currentSlot(schedule: Schedule, now: Date): Slot | null {
  const t = now.getTime();
  if (schedule.kind === "manual") return null;
  let start: number;
  if (schedule.kind === "every") {
    const step = Math.max(MINUTE_MS, Math.round(schedule.ms / MINUTE_MS) * MINUTE_MS);
    start = Math.floor(t / step) * step;
  } else {
    const today = Math.floor(t / DAY_MS) * DAY_MS + schedule.minuteOfDay * MINUTE_MS;
    start = today <= t ? today : today - DAY_MS;
  }
  const d = new Date(start);
  return { id: slotName(d), start: d };
}

/** When the slot after the current one starts (null for a manual-only job). */
export function nextSlotStart(schedule: Schedule, now: Date): Date | null {
  const cur = currentSlot(schedule, now);
  if (!cur) return null;
  if (schedule.kind === "daily") return new Date(cur.start.getTime() + DAY_MS);
  if (schedule.kind === "every") {
    const step = Math.max(MINUTE_MS, Math.round(schedule.ms / MINUTE_MS) * MINUTE_MS);
    return new Date(cur.start.getTime() + step);
  }
  return null;
}

/** For people: "daily at 03:00 UTC", "every 15 minutes", "by hand only". */
export function describeSchedule(schedule: Schedule): string {
  const ref = scheduleRef(schedule);
  if (ref.key === "manual") return "by hand only";
  if (ref.key === "daily") return `daily at ${ref.params.time} UTC`;
  return ref.params.minutes === 1 ? "every minute" : `every ${ref.params.minutes} minutes`;
}

/** The schedule as a message of the settings page's "settings.jobs.schedule" namespace
 * (issue 16 §6); describeSchedule is its English. */
export function scheduleRef(
  schedule: Schedule,
):
  | { key: "manual"; params?: undefined }
  | { key: "daily"; params: { time: string } }
  | { key: "every"; params: { minutes: number } } {
  if (schedule.kind === "manual") return { key: "manual" };
  if (schedule.kind === "daily") {
    const hh = String(Math.floor(schedule.minuteOfDay / 60)).padStart(2, "0");
    const mm = String(schedule.minuteOfDay % 60).padStart(2, "0");
    return { key: "daily", params: { time: `${hh}:${mm}` } };
  }
  return { key: "every", params: { minutes: Math.max(1, Math.round(schedule.ms / MINUTE_MS)) } };
}

/** How the slot names of runs started by hand begin. */
export const MANUAL_SLOT_PREFIX = "manual-";

/** A slot name for a run started by hand: unique, and never equal to a scheduled slot. */
export function manualSlotName(now: Date, nonce: string): string {
  return `${MANUAL_SLOT_PREFIX}${now.toISOString()}-${nonce}`;
}
