import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { MessageRef } from "../i18n/message-ref";
import { MESSAGES } from "../i18n/messages";
import { countNotes, type CountNote } from "./count-notes";

// Issue 16 §6: the report page's "how the counts were read" notes carry messages of the
// "tlsrptReader" namespace (countNotes.*): the English from each key is the note lib writes,
// the German is German, and every countNotes key is reached here.

const translator = (locale: "en" | "de") =>
  createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "tlsrptReader",
    onError: (e) => {
      throw e;
    },
  });
const en = translator("en");
const de = translator("de");
const render = (t: typeof en, ref: MessageRef) =>
  t(ref.key as Parameters<typeof en>[0], ref.params);

const fetchError = {
  successfulCount: 0,
  failedCount: 2,
  failures: [
    { receivingMxHostname: null, failedSessionCount: 3, resultType: "sts-policy-fetch-error" },
  ],
};
const missing = {
  id: "RPT-JSON-6",
  message: "policies[0].summary.total-successful-session-count: missing; counted as 0",
};

function allNotes(): CountNote[] {
  return [
    ...countNotes([{ successfulCount: 0, failedCount: 0, failures: [] }], []),
    ...countNotes([{ successfulCount: 1, failedCount: 0, failures: [] }], []),
    ...countNotes([fetchError], [missing]),
    ...countNotes(
      [{ ...fetchError, failures: [{ ...fetchError.failures[0]!, failedSessionCount: 1 }] }],
      [],
    ),
  ];
}

describe("count notes as messages (issue 16 §6)", () => {
  const notes = allNotes();

  it("RPT-QUIRK-4/13/14, RPT-JSON-6: the English from each key is the note's English", () => {
    expect(notes.map((n) => n.ref.key)).toEqual([
      "countNotes.zeroSessions",
      "countNotes.oneSession",
      "countNotes.unnamedMx",
      "countNotes.detailsExceed",
      "countNotes.countMissing",
      "countNotes.unnamedMx",
    ]);
    expect(notes.filter((n) => render(en, n.ref) !== n.message)).toEqual([]);
  });

  it("the German notes, raw values as they are", () => {
    const german = notes.map((n) => render(de, n.ref));
    expect(german[2]).toBe(
      "3 fehlgeschlagene Sitzungen nennen keinen MX (sts-policy-fetch-error; Microsoft lässt receiving-mx-hostname und sending-mta-ip bei Abruffehlern weg): gezählt als „nicht zugeordnet“, für die ganze Domain, nicht gegen einen MX-Host.",
    );
    expect(german[5]).toMatch(/^1 fehlgeschlagene Sitzung nennt keinen MX/);
    expect(german[3]).toBe(
      "Die failure-details nennen 3 Sitzungen, total-failure-session-count 2: Die größere Zahl zählt.",
    );
    expect(german.filter((g, i) => g === notes[i]?.message)).toEqual([]);
  });

  it("a note quoting a warning names it, for the page to pass the warning as shown", () => {
    const quoting = notes.find((n) => n.ref.key === "countNotes.countMissing");
    expect(quoting?.quotes).toEqual({ message: missing.message });
    expect(quoting && de("countNotes.countMissing", { warning: "«W»" })).toBe(
      "«W»: Der Berichtsabsender hat die Zahl weggelassen, die Summen hier können also zu niedrig sein.",
    );
  });
});
