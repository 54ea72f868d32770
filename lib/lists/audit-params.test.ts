import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { parseAuditParams } from "./audit-params";

// Issue 16: the audit log's filters come from the URL; a value the log cannot use is
// dropped and said, in English for logs and tests and (§6) as a message ref for the page.
const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "audit" });
const de = createTranslator({ locale: "de", messages: MESSAGES.de, namespace: "audit" });

describe("parseAuditParams", () => {
  it("keeps good values and says nothing", () => {
    const r = parseAuditParams(
      { action: "domain.add", user: " ann ", from: "2026-11-01", after: "42" },
      ["domain.add"],
    );
    expect(r.params).toEqual({
      action: "domain.add",
      user: "ann",
      from: "2026-11-01",
      to: null,
      after: { at: 0, id: 42 },
    });
    expect(r.problems).toEqual([]);
    expect(r.problemRefs).toEqual([]);
  });

  it("drops what it cannot use, with the same sentence in English and a German one", () => {
    const r = parseAuditParams(
      { action: "nope.never", from: "2026-02-30", to: "x", after: "1.2" },
      ["domain.add"],
    );
    expect(r.params).toEqual({ action: null, user: "", from: null, to: null, after: null });
    expect(r.problems).toEqual([
      'No event has the action "nope.never"; the filter was ignored.',
      'The from date "2026-02-30" is not a date (YYYY-MM-DD); it was ignored.',
      'The to date "x" is not a date (YYYY-MM-DD); it was ignored.',
      'The position "1.2" is not one this list wrote; showing the newest entries.',
    ]);
    const say = (t: typeof en) =>
      r.problemRefs.map((p) => t(p.key as Parameters<typeof t>[0], p.params));
    expect(say(en)).toEqual(r.problems);
    expect(say(de)).toEqual([
      "Kein Ereignis hat die Aktion „nope.never“; der Filter wurde ignoriert.",
      "Das Von-Datum „2026-02-30“ ist kein Datum (JJJJ-MM-TT); es wurde ignoriert.",
      "Das Bis-Datum „x“ ist kein Datum (JJJJ-MM-TT); es wurde ignoriert.",
      "Die Position „1.2“ stammt nicht aus dieser Liste; die neuesten Einträge werden angezeigt.",
    ]);
  });
});
