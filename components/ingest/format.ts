import { formatUtcDay, formatUtcMinute } from "@/lib/core/format-date";
import type { Locale } from "@/lib/i18n/locale";

/** UTC dates as people read them in a table: 2025-04-12 or 2025-04-12 13:05 UTC (German 12.04.2025). */
export const utcDay = (d: Date, locale?: Locale) => formatUtcDay(d, locale);
export const utcMinute = (d: Date, locale?: Locale) => formatUtcMinute(d, locale);

/** "2025-04-12" for a one-day report, else "2025-04-12 → 2025-04-13". */
export function period(start: Date, end: Date, locale?: Locale): string {
  const a = utcDay(start, locale);
  const b = utcDay(new Date(end.getTime() - 1000), locale);
  return a === b ? a : `${a} → ${b}`;
}

/** The channels a report arrives by (Report.channel), keys of `reports.channel`. */
export const CHANNELS = ["https", "imap", "upload", "cli"] as const;
export type Channel = (typeof CHANNELS)[number];
export const isChannel = (c: string): c is Channel => (CHANNELS as readonly string[]).includes(c);
