import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";

// Dates, times and relative times as people read them (issue 16 §6), always in UTC (reports
// are about UTC days, RFC 8460 §4.1; a fixed zone lets server and browser render alike).
// English keeps the ISO forms the UI always showed ("2025-04-12", "2025-04-12 13:05 UTC");
// German reads "12.04.2025", "12.04.2025 13:05 UTC". Pure string work on the ISO form, so no
// machine's zone or ICU data changes the output. The one module for every date the UI shows;
// machine-readable values (<time dateTime>, the API, webhooks) stay ISO.

type When = Date | string;

const iso = (d: When): string => (typeof d === "string" ? d : d.toISOString());

/** Options for the date-times: `zone: false` leaves out " UTC" where the sentence or column says it. */
export interface TimeOptions {
  zone?: boolean;
}

/** A UTC day: a Date, or an ISO day/time string ("2025-04-12", "2025-04-12T13:05:00Z"). */
export function formatUtcDay(d: When, locale: Locale = DEFAULT_LOCALE): string {
  const day = iso(d).slice(0, 10);
  if (locale !== "de" || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const [y, m, dd] = day.split("-");
  return `${dd}.${m}.${y}`;
}

/** A UTC day without its year, for column heads: "04-12" (en), "12.04." (de). */
export function formatUtcDayMonth(d: When, locale: Locale = DEFAULT_LOCALE): string {
  const day = formatUtcDay(d, locale);
  if (!/^\d{4}-\d{2}-\d{2}$|^\d{2}\.\d{2}\.\d{4}$/.test(day)) return day;
  return locale === "de" ? day.slice(0, 6) : day.slice(5);
}

function dateTime(d: When, locale: Locale, length: number, opts: TimeOptions): string {
  const s = iso(d);
  const time = s.slice(11, length);
  const text = time ? `${formatUtcDay(s, locale)} ${time}` : formatUtcDay(s, locale);
  return opts.zone === false ? text : `${text} UTC`;
}

/** A UTC minute: "2025-04-12 13:05 UTC" (en), "12.04.2025 13:05 UTC" (de). */
export function formatUtcMinute(d: When, locale: Locale = DEFAULT_LOCALE, opts: TimeOptions = {}) {
  return dateTime(d, locale, 16, opts);
}

/** A UTC second: "2025-04-12 13:05:09 UTC" (en), "12.04.2025 13:05:09 UTC" (de). */
export function formatUtcSecond(d: When, locale: Locale = DEFAULT_LOCALE, opts: TimeOptions = {}) {
  return dateTime(d, locale, 19, opts);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(?:Z| UTC)?$/;

/**
 * The dates among a message's parameters, for the locale. Sentences lib writes (readiness,
 * removal stages, findings, check texts) carry their dates as ISO text in their MessageRef:
 * a day ("2026-03-19") or a UTC time ("2026-03-19T08:00Z", "2026-03-19 08:00 UTC"). In
 * German those read "19.03.2026" and "19.03.2026 08:00 UTC" (the German messages name no
 * zone of their own); English params are returned as they are, so English text never
 * changes. Only a whole value of exactly that shape is a date; anything else is kept.
 */
export function localizeDates<P extends Record<string, unknown>>(
  params: P | undefined,
  locale: Locale = DEFAULT_LOCALE,
): P | undefined {
  if (!params || locale === "en") return params;
  const out: Record<string, unknown> = { ...params };
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== "string") continue;
    if (DAY.test(v)) out[k] = formatUtcDay(v, locale);
    const m = DATE_TIME.exec(v);
    if (m) out[k] = `${formatUtcDay(m[1] ?? "", locale)} ${m[2]} UTC`;
  }
  return out as P;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

const relative: Record<Locale, Intl.RelativeTimeFormat> = {
  en: new Intl.RelativeTimeFormat("en-US", { numeric: "always" }),
  de: new Intl.RelativeTimeFormat("de-DE", { numeric: "always" }),
};

/**
 * How far `d` lies from `now`, in the largest whole unit: "3 days ago" / "vor 3 Tagen",
 * "in 2 hours" / "in 2 Stunden". Whole units rounded toward zero, so "3 days ago" means
 * at least three full days; now and under a second before read "0 seconds ago" / "vor 0 Sekunden".
 */
export function formatRelative(d: When, now: When, locale: Locale = DEFAULT_LOCALE): string {
  const seconds = (Date.parse(iso(d)) - Date.parse(iso(now))) / 1000;
  const abs = Math.abs(seconds);
  const [unit, size] = UNITS.find(([, s]) => abs >= s) ?? ["second", 1];
  const n = Math.trunc(abs / size);
  return relative[locale].format(seconds <= 0 ? -n : n, unit);
}
