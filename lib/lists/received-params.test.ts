import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { parseReceivedParams } from "./received-params";

// Issue 16: the received list's filters come from the URL; a value it cannot use is dropped
// and said, in English for logs and tests and (§6) as a "reports" message for the page.
const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "reports" });
const de = createTranslator({ locale: "de", messages: MESSAGES.de, namespace: "reports" });

describe("parseReceivedParams", () => {
  it("keeps good values and says nothing", () => {
    const r = parseReceivedParams({ auth: "pass", from: "2026-11-01", after: "1700000000000.7" });
    expect(r.params).toEqual({
      reporter: "",
      auth: "pass",
      from: "2026-11-01",
      to: null,
      after: { at: 1700000000000, id: 7 },
    });
    expect([r.problems, r.problemRefs]).toEqual([[], []]);
  });

  it("drops what it cannot use, with the same sentence in English and a German one", () => {
    const r = parseReceivedParams({ auth: "maybe", from: "2026-02-30", to: "x", after: "42" });
    expect(r.params).toEqual({ reporter: "", auth: null, from: null, to: null, after: null });
    expect(r.problems).toEqual([
      'The authentication filter "maybe" is not one of pass, unaligned, fail, none, unauthenticated; it was ignored.',
      'The from date "2026-02-30" is not a date (YYYY-MM-DD); it was ignored.',
      'The to date "x" is not a date (YYYY-MM-DD); it was ignored.',
      'The position "42" is not one this list wrote; showing the newest entries.',
    ]);
    const say = (t: typeof en) =>
      r.problemRefs.map((p) => t(p.key as Parameters<typeof t>[0], p.params));
    expect(say(en)).toEqual(r.problems);
    expect(say(de)).toEqual([
      "Der Authentifizierungsfilter „maybe“ ist keiner von pass, unaligned, fail, none, unauthenticated; er wurde ignoriert.",
      "Das Von-Datum „2026-02-30“ ist kein Datum (JJJJ-MM-TT); es wurde ignoriert.",
      "Das Bis-Datum „x“ ist kein Datum (JJJJ-MM-TT); es wurde ignoriert.",
      "Die Position „42“ stammt nicht aus dieser Liste; die neuesten Einträge werden angezeigt.",
    ]);
  });
});
