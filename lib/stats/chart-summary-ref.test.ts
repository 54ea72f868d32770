import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locale";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { MESSAGES } from "@/lib/i18n/messages";
import { dailySummary, dailySummaryRef, mxSummary, mxSummaryRef } from "./chart-summary";
import type { MxFailures } from "./types";

// Issue 16 §6: the chart captions in the reader's language. The English rendering of each
// ref is exactly the English sentence; German groups counts (32.000) and dates (01.11.2026).
const say = (locale: Locale, ref: MessageRef) => {
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "reports",
    timeZone: "UTC",
  });
  return t(ref.key as Parameters<typeof t>[0], ref.params);
};

const daily = [
  { day: "2026-11-01", successful: 12000, failed: 3 },
  { day: "2026-11-02", successful: 11000, failed: 40 },
  { day: "2026-11-03", successful: 9000, failed: 0 },
];
const mx: MxFailures = {
  mxHost: "mx2.example",
  total: 1250,
  byType: { "starttls-not-supported": 50, "certificate-expired": 1200 },
  days: [
    { day: "2026-11-01", total: 50, byType: { "starttls-not-supported": 50 } },
    { day: "2026-11-02", total: 1200, byType: { "certificate-expired": 1200 } },
  ],
};

describe("chart summaries as MessageRefs", () => {
  it("English renders exactly the English sentences", () => {
    const one = [{ day: "2026-11-01", successful: 1, failed: 0 }];
    for (const [d, from, to] of [
      [daily, "2026-11-01", "2026-11-03"],
      [one, "2026-11-01", "2026-11-01"],
      [[], "2026-11-01", "2026-11-07"],
    ] as const)
      expect(say("en", dailySummaryRef(d, from, to))).toBe(dailySummary(d, from, to));
    const none: MxFailures = { mxHost: "", total: 0, byType: {}, days: [] };
    for (const m of [mx, { ...mx, mxHost: "" }, none, { ...none, mxHost: "mx9.example" }])
      expect(say("en", mxSummaryRef(m))).toBe(mxSummary(m));
  });

  it("German groups counts, writes dates dd.MM.yyyy and the rate with a comma", () => {
    expect(say("de", dailySummaryRef(daily, "2026-11-01", "2026-11-03", "de"))).toBe(
      "Vom 01.11.2026 bis 03.11.2026: 32.000 erfolgreiche Sitzungen und 43 fehlgeschlagen (0,134\u00a0% fehlgeschlagen); die meisten Fehler am 02.11.2026 (40).",
    );
    expect(say("de", mxSummaryRef(mx, "de"))).toBe(
      "mx2.example: 1.250 fehlgeschlagene Sitzungen, davon 1.200 certificate-expired; die meisten am 02.11.2026 (1.200).",
    );
    expect(say("de", dailySummaryRef([], "2026-11-01", "2026-11-07", "de"))).toBe(
      "Vom 01.11.2026 bis 07.11.2026 wurden keine Sitzungen gemeldet.",
    );
  });
});
