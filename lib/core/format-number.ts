import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";

// Numbers as people read them: "15,413" in English, "15.413" in German (issues 13.4, 16 §6).
// One formatter for every count the UI shows (tables, figures, chart axes and tooltips,
// evidence lines). Components pass the request's locale (next-intl's useLocale/getLocale);
// without one it is English, so domain code that writes English sentences stays English.
const counts: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }),
  de: new Intl.NumberFormat("de-DE", { maximumFractionDigits: 0 }),
};

/** A whole number with thousands grouped: 15413 → "15,413" (en), "15.413" (de). */
export function formatCount(n: number, locale: Locale = DEFAULT_LOCALE): string {
  return counts[locale].format(n);
}

/** For chart tooltips, whose values may be numbers or text. */
export function formatChartValue(value: unknown, locale: Locale = DEFAULT_LOCALE): string {
  return typeof value === "number" ? formatCount(value, locale) : String(value ?? "");
}
