import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, localeFromBrowser, resolveLocale } from "./locale";

describe("locale choice (issue 16 §6)", () => {
  it("takes the best-ranked supported language of Accept-Language", () => {
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8")).toBe("de");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5,de;q=0.4")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0.3, de-AT;q=0.7")).toBe("de");
    expect(localeFromAcceptLanguage("de;q=0, en")).toBe("en");
  });

  it("is null for an unsupported, empty or missing header", () => {
    expect(localeFromAcceptLanguage("fr,it;q=0.5")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });

  it("prefers the user's setting, then the browser's, then English", () => {
    expect(resolveLocale("de", "en-US")).toBe("de");
    expect(resolveLocale("en", "de-DE")).toBe("en");
    expect(resolveLocale(null, "de-DE,de;q=0.9")).toBe("de");
    expect(resolveLocale("xx", "fr")).toBe("en");
    expect(resolveLocale(undefined, undefined)).toBe("en");
  });

  it("reads the browser's own list for the global error page: its first supported language", () => {
    expect(localeFromBrowser(["de-DE", "en-US"])).toBe("de");
    expect(localeFromBrowser(["fr-FR", "de"])).toBe("de");
    expect(localeFromBrowser(["en-GB", "de"])).toBe("en");
    expect(localeFromBrowser(["fr-FR"])).toBe("en");
    expect(localeFromBrowser([])).toBe("en");
  });
});
