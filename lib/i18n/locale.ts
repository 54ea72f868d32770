// The UI languages (issue 16 §6) and how a request's language is chosen: the user's own
// setting (User.locale), else the browser's Accept-Language, else English. Pure: the
// request config (i18n/request.ts) passes the header and the stored setting in.

export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported language of an Accept-Language header ("de-DE,de;q=0.9,en;q=0.8"),
 * by q-value, then by order; a region ("de-AT") counts for its language. Null when none
 * of the header's languages is supported (or there is no header).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", quality, index };
    })
    .filter((r) => Number.isFinite(r.quality) && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((r) => r.lang).find(isLocale) ?? null;
}

/** The user's setting wins; without one (or signed out), the browser's; else English. */
export function resolveLocale(
  userLocale: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  if (isLocale(userLocale)) return userLocale;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The browser's own choice (navigator.languages, best first), for the one page that cannot
 * ask the server: app/global-error.tsx. English when none is supported. */
export function localeFromBrowser(languages: readonly string[]): Locale {
  return localeFromAcceptLanguage(languages.join(",")) ?? DEFAULT_LOCALE;
}
