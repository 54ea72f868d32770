import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../core/diagnostic";
import type { MessageRef } from "../i18n/message-ref";
import { MESSAGES } from "../i18n/messages";
import { readAny } from "./read-any";
import { reportFixtures } from "./report-fixtures.test-utils";
import { MAX_KINDS, WarningSink, wt } from "./warnings";

// Issue 16 §6: the TLS-RPT reader's warnings carry messages of the "tlsrptReader" namespace
// (warnings.*), stored with the report. Over the project's fixtures (one per reader quirk):
// the English from each key is the warning as stored, the German is German, raw values stay.

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

async function fixtureWarnings(): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const f of reportFixtures()) {
    const r = await readAny(f.bytes, { filename: f.name });
    if (r.ok) for (const rep of r.value.reports) out.push(...rep.warnings);
  }
  return out;
}

describe("TLS-RPT reader warnings as messages (issue 16 §6)", () => {
  it("every fixture warning with a key formats to its stored English; most have one", async () => {
    const warnings = await fixtureWarnings();
    const keyed = warnings.filter((w) => w.ref);
    expect(keyed.length).toBeGreaterThanOrEqual(10);
    expect(warnings.filter((w) => !w.ref)).toEqual([]);
    const differing = keyed
      .filter((w) => w.ref && !w.ref.params?.times)
      .map((w) => ({ english: w.message, rendered: w.ref && render(en, w.ref) }))
      .filter((x) => x.english !== x.rendered);
    expect(differing).toEqual([]);
    const german = keyed.filter((w) => w.ref && render(de, w.ref) === w.message);
    expect(german).toEqual([]);
  });

  it("German warnings, values as they are", () => {
    const sink = new WarningSink();
    const path = "policies[0].failure-details[2].receiving-ip";
    sink.add(
      "RPT-JSON-8",
      wt(
        `${path}: "2001:DB8::1" is not in canonical form; stored as "2001:db8::1"`,
        "ipNotCanonical",
        {
          path,
          value: "2001:DB8::1",
          canonical: "2001:db8::1",
        },
      ),
    );
    const [w] = sink.list();
    expect(w?.ref && render(de, w.ref)).toBe(
      `${path}: „2001:DB8::1“ ist nicht in kanonischer Form; als „2001:db8::1“ gespeichert`,
    );
  });

  it("RPT-QUIRK-7: a contact-info of the wrong JSON type, in German; the value as sent", async () => {
    const json = (contact: string) =>
      Buffer.from(
        `{"organization-name":"Org","date-range":{"start-datetime":"2025-04-12T00:00:00Z",` +
          `"end-datetime":"2025-04-12T23:59:59Z"},"contact-info":${contact},"report-id":"r1","policies":[]}`,
      );
    const shown: [string, string][] = [];
    for (const contact of ["{}", "42", '["a@example.com"]']) {
      const r = await readAny(json(contact));
      const w = r.ok ? r.value.reports[0]?.warnings.find((x) => x.id === "RPT-QUIRK-7") : undefined;
      expect(w?.ref && render(en, w.ref)).toBe(w?.message);
      shown.push([w?.message ?? "", w?.ref ? render(de, w.ref) : ""]);
    }
    expect(shown).toEqual([
      [
        "contact-info: expected a string, got {}; ignored",
        "contact-info: Zeichenkette erwartet, {} erhalten; ignoriert",
      ],
      [
        "contact-info: expected a string, got 42; ignored",
        "contact-info: Zeichenkette erwartet, 42 erhalten; ignoriert",
      ],
      [
        'contact-info: expected a string, got ["a@example.com"]; ignored',
        'contact-info: Zeichenkette erwartet, ["a@example.com"] erhalten; ignoriert',
      ],
    ]);
  });

  it("a repeated warning keeps its ref with times; the page wraps it (warnings.repeated)", () => {
    const sink = new WarningSink();
    for (let i = 0; i < 3; i++)
      sink.add("RPT-JSON-2", wt("policies: empty; the report counts no sessions", "policiesEmpty"));
    const [w] = sink.list();
    expect(w?.message).toBe(
      "policies: empty; the report counts no sessions (3 times in this report)",
    );
    expect(w?.ref).toEqual({ key: "warnings.policiesEmpty", params: { times: "3" } });
    expect(en("warnings.repeated", { warning: render(en, w!.ref!), times: "3" })).toBe(w?.message);
    expect(de("warnings.repeated", { warning: render(de, w!.ref!), times: "3" })).toBe(
      "policies: leer; der Bericht zählt keine Sitzungen (3-mal in diesem Bericht)",
    );
  });

  it("RPT-ING-1: warnings past MAX_KINDS are counted in one keyed warning", () => {
    const sink = new WarningSink();
    for (let i = 0; i <= MAX_KINDS + 1; i++) sink.add("X", wt("x", "bom"), "info", `k${i}`);
    const last = sink.list().at(-1);
    expect(last?.ref && render(en, last.ref)).toBe(last?.message);
    expect(last?.ref && render(de, last.ref)).toBe(
      `2 weitere Warnungen anderer Art wurden nicht behalten (höchstens ${MAX_KINDS} Arten je Bericht)`,
    );
  });
});
