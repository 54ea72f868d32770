// Shared pieces of list state in the URL (issue 16): cursors for keyset paging, days for
// date ranges, enumerated filters. A value that cannot be used is dropped with a sentence
// saying so (the page shows it), never a crash.

export type SearchParams = Record<string, string | string[] | undefined>;

export const first = (v: string | string[] | undefined): string | undefined =>
  Array.isArray(v) ? v[0] : v;

/** A position in a newest-first list: the row's time (ms) and id; `at` is 0 when the order
 * is by id alone. Written as "<ms>.<id>" or "<id>". */
export interface Cursor {
  at: number;
  id: number;
}

export const cursorText = (c: Cursor, withTime: boolean): string =>
  withTime ? `${c.at}.${c.id}` : String(c.id);

export function parseCursor(
  raw: string | undefined,
  withTime: boolean,
  problems: string[],
): Cursor | null {
  if (raw === undefined || raw === "") return null;
  const m = withTime ? /^(\d{1,15})\.(\d{1,15})$/.exec(raw) : /^()(\d{1,15})$/.exec(raw);
  if (m) return { at: Number(m[1] || 0), id: Number(m[2]) };
  problems.push(`The position "${raw}" is not one this list wrote; showing the newest entries.`);
  return null;
}

/** A UTC day (YYYY-MM-DD) that exists. */
export function parseDay(raw: string | undefined, name: string, problems: string[]): string | null {
  if (raw === undefined || raw === "") return null;
  const d = new Date(`${raw}T00:00:00Z`);
  if (
    /^\d{4}-\d{2}-\d{2}$/.test(raw) &&
    !Number.isNaN(d.getTime()) &&
    d.toISOString().startsWith(raw)
  )
    return raw;
  problems.push(`The ${name} date "${raw}" is not a date (YYYY-MM-DD); it was ignored.`);
  return null;
}

export function parseChoice<T extends string>(
  raw: string | undefined,
  allowed: readonly T[],
  name: string,
  problems: string[],
): T | null {
  if (raw === undefined || raw === "") return null;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`The ${name} filter "${raw}" is not one of ${allowed.join(", ")}; it was ignored.`);
  return null;
}

/** Free text for a "contains" filter: trimmed and bounded. */
export const parseText = (raw: string | undefined, max = 200): string =>
  (raw ?? "").trim().slice(0, max);

/** [from 00:00 UTC, the day after `to` 00:00 UTC) as Dates, each side optional. */
export function dayRange(from: string | null, to: string | null): { gte?: Date; lt?: Date } {
  const out: { gte?: Date; lt?: Date } = {};
  if (from) out.gte = new Date(`${from}T00:00:00Z`);
  if (to) out.lt = new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000);
  return out;
}

/** `base` with the non-empty entries of `params` as its query string. */
export function hrefWith(base: string, params: Record<string, string | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) u.set(k, v);
  const s = u.toString();
  return s ? `${base}?${s}` : base;
}
