import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatIcu } from "@/lib/i18n/format-icu";
import { MESSAGES } from "@/lib/i18n/messages";
import { describeSummary, summaryRef } from "./poll";
import { emptySummary, type PollSummary } from "./poll-summary";

// Issue 16 §6: the last poll's result, stored in English (the API, the log) with its
// "settings.mailboxes" message beside it; the message must say exactly the English, for each
// combination of the optional parts and their commas.

const en = createTranslator({
  locale: "en",
  messages: MESSAGES.en,
  namespace: "settings.mailboxes",
});
const de = createTranslator({
  locale: "de",
  messages: MESSAGES.de,
  namespace: "settings.mailboxes",
});
const summary = (over: Partial<PollSummary>): PollSummary => ({ ...emptySummary(), ...over });

describe("the poll summary as a message", () => {
  const base = { messages: 7, stored: 3, duplicates: 1, rejected: 1, unmanaged: 1, noReport: 1 };
  const cases = [0, 1, 2, 3, 4, 5, 6, 7].map((bits) =>
    summary({
      ...base,
      setAside: bits & 1 ? 2 : 0,
      flagged: bits & 2 ? 1 : 0,
      retrying: bits & 4 ? 3 : 0,
    }),
  );
  cases.push(summary({ messages: 1, duplicates: 1 }), summary({}));

  it("formats to describeSummary's English, with next-intl and with formatIcu", () => {
    const english = cases.map(describeSummary);
    const ref = cases.map(summaryRef);
    expect(ref.map((r) => en(r.key as "pollSummary", r.params))).toEqual(english);
    const message = MESSAGES.en.settings.mailboxes.pollSummary;
    expect(ref.map((r) => formatIcu(message, r.params))).toEqual(english);
  });

  it("in German", () => {
    const r = summaryRef(cases[7]!);
    expect(de(r.key as "pollSummary", r.params)).toBe(
      "7 Nachrichten: 3 gespeichert, 1 Duplikat, 1 abgelehnt, 1 für nicht verwaltete Domains, 1 ohne Bericht; 2 in den Ordner für abgelehnte Nachrichten verschoben, 1 markiert (konnten nicht verschoben werden), 3 nach einem Fehler für den nächsten Abruf belassen",
    );
  });
});
