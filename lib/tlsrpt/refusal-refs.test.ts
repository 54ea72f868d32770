import { gzipSync } from "node:zlib";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { renderNested, type NestedMessageRef } from "../i18n/message-ref";
import { MESSAGES } from "../i18n/messages";
import { InputBudget } from "./budget";
import { emailOf, googleReport, type Json } from "./inline-reports.test-utils";
import { findDuplicates } from "./json-scan";
import { readAny } from "./read-any";
import { readReport } from "./read-report";
import { reportFixtures } from "./report-fixtures.test-utils";
import type { ReportError } from "./types";

// Issue 16 §6: every refusal of the reader carries its message of the "tlsrptReader"
// namespace (refusals.*), a reason it quotes nested; formatted in English it is the stored
// message, in German it is what the admin reads on the rejected-submissions page.

const translator = (locale: "en" | "de") =>
  createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "tlsrptReader",
    onError: (e) => {
      throw e;
    },
  });
const t = { en: translator("en"), de: translator("de") };
const render = (locale: "en" | "de", ref: NestedMessageRef) =>
  renderNested(ref, "tlsrptReader", (_ns, key, params) =>
    t[locale](key as Parameters<(typeof t)["en"]>[0], params),
  );

async function refusalOf(bytes: Uint8Array, hints = {}): Promise<ReportError> {
  const r = await readAny(bytes, hints);
  if (r.ok) throw new Error("expected a refusal");
  return r.error as ReportError;
}

function scanError(text: string): ReportError {
  const r = findDuplicates(text);
  if (r.ok) throw new Error("expected a refusal");
  return r.error;
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const report = (change: (v: { [k: string]: Json }) => void) => {
  const v = googleReport();
  change(v);
  return json(v);
};

describe("the reader's refusals as messages (issue 16 §6)", () => {
  it("every refusal of the fixtures formats to its English", async () => {
    const errors: ReportError[] = [];
    for (const f of reportFixtures()) {
      const r = await readAny(f.bytes, { filename: f.name });
      if (!r.ok) errors.push(r.error as ReportError);
      else errors.push(...r.value.rejected.map((a) => a.error));
    }
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => render("en", e.ref) !== e.message)).toEqual([]);
    expect(errors.filter((e) => render("de", e.ref) === e.message)).toEqual([]);
  });

  it("exact English and German, raw data as sent", async () => {
    const cases: Promise<ReportError>[] = [
      refusalOf(Buffer.from(`${"[".repeat(70)}${"]".repeat(70)}`)),
      refusalOf(Buffer.from('{"a":1,"a":2,"b" 3}')),
      // The scanner's own words: it runs on text JSON.parse took (duplicates), so directly here.
      Promise.resolve(scanError('{"a":[1,2 3]}')),
      refusalOf(Buffer.from([0x7b, 0xff, 0x7d])),
      refusalOf(
        report((v) => {
          delete v["date-range"];
        }),
      ),
      refusalOf(
        report((v) => {
          const p = (v["policies"] as { [k: string]: Json }[])[0]!;
          (p["summary"] as { [k: string]: Json })["total-successful-session-count"] = -3;
        }),
      ),
      refusalOf(json({ hello: "world" })),
      refusalOf(Buffer.from("PK\u0003\u0004 zip"), { contentType: "application/zip" }),
      refusalOf(Buffer.from("plain text")),
      refusalOf(
        emailOf([
          {
            type: "application/tlsrpt+gzip",
            name: "r.json.gz",
            body: gzipSync(Buffer.from(`${'{"k":'.repeat(70)}1${"}".repeat(70)}`)),
          },
        ]),
      ),
    ];
    const out = await Promise.all(cases);
    expect(out.map((e) => [e.message, render("en", e.ref), render("de", e.ref)])).toEqual([
      [
        "the JSON nests arrays and objects deeper than 64 levels (the limit is 64); refused",
        "the JSON nests arrays and objects deeper than 64 levels (the limit is 64); refused",
        "das JSON verschachtelt Arrays und Objekte tiefer als 64 Ebenen (die Grenze liegt bei 64); abgelehnt",
      ],
      [
        expect.stringMatching(/^the report is not valid JSON: /),
        expect.stringMatching(/^the report is not valid JSON: /),
        expect.stringMatching(/^der Bericht ist kein gültiges JSON: /),
      ],
      [
        "the report is not valid JSON: expected ',' or ']' at 10",
        "the report is not valid JSON: expected ',' or ']' at 10",
        "der Bericht ist kein gültiges JSON: „,“ oder „]“ erwartet an Stelle 10",
      ],
      [
        "the report is not valid UTF-8 (RPT-JSON-1)",
        "the report is not valid UTF-8 (RPT-JSON-1)",
        "der Bericht ist kein gültiges UTF-8 (RPT-JSON-1)",
      ],
      [
        "date-range: expected an object, got nothing",
        "date-range: expected an object, got nothing",
        "date-range: Objekt erwartet, nichts erhalten",
      ],
      [
        "policies[0].summary.total-successful-session-count: expected a non-negative safe integer, got -3",
        "policies[0].summary.total-successful-session-count: expected a non-negative safe integer, got -3",
        "policies[0].summary.total-successful-session-count: nicht negative sichere Ganzzahl erwartet, -3 erhalten",
      ],
      [
        "the JSON is not a TLS report: no policies, date-range or organization-name",
        "the JSON is not a TLS report: no policies, date-range or organization-name",
        "das JSON ist kein TLS-Bericht: kein policies, date-range oder organization-name",
      ],
      [
        "the input (labelled application/zip) is a zip archive (TLS reports are gzip, RFC 8460 §5.2)",
        "the input (labelled application/zip) is a zip archive (TLS reports are gzip, RFC 8460 §5.2)",
        "die Eingabe (als application/zip gekennzeichnet) ist ein ZIP-Archiv (TLS-Berichte sind gzip, RFC 8460 §5.2)",
      ],
      [
        "the input is neither JSON nor gzip",
        "the input is neither JSON nor gzip",
        "die Eingabe ist weder JSON noch gzip",
      ],
      [
        "r.json.gz: the JSON nests arrays and objects deeper than 64 levels (the limit is 64); refused",
        "r.json.gz: the JSON nests arrays and objects deeper than 64 levels (the limit is 64); refused",
        "r.json.gz: das JSON verschachtelt Arrays und Objekte tiefer als 64 Ebenen (die Grenze liegt bei 64); abgelehnt",
      ],
    ]);
  });

  it("the per-input budgets, in German", () => {
    const budget = new InputBudget({ decompressed: 1024 * 1024, attachments: 1, reports: 1 });
    budget.chargeAttachment();
    const errors = [
      budget.chargeAttachment(),
      (budget.chargeReports(1), budget.chargeReports(1)),
      budget.chargeJson(2 * 1024 * 1024),
      budget.bombError(),
      readReport(Buffer.alloc(11, 0x20), { maxCompressed: 10 }),
    ].map((e) => (e && "ok" in e ? (e.ok ? null : e.error) : e));
    expect(errors.map((e) => e && [e.message, render("de", e.ref)])).toEqual([
      [
        "the message has more than 1 attachments (the limit is 1 per message, forwarded messages included); refused",
        "die Nachricht hat mehr als 1 Anhänge (die Grenze liegt bei 1 je Nachricht, weitergeleitete Nachrichten eingeschlossen); abgelehnt",
      ],
      [
        "the input holds more than 1 reports (the limit is 1 per input); refused",
        "die Eingabe enthält mehr als 1 Berichte (die Grenze liegt bei 1 je Eingabe); abgelehnt",
      ],
      [
        "the input holds more than 1.0 MiB of JSON over all its parts (the limit is 1.0 MiB per input); refused",
        "die Eingabe enthält über alle Teile mehr als 1.0 MiB JSON (die Grenze liegt bei 1.0 MiB je Eingabe); abgelehnt",
      ],
      [
        "the gzip data expands past 1.0 MiB together with the input's other parts (the limit is per input); stopped at the limit",
        "die gzip-Daten entpacken sich zusammen mit den anderen Teilen der Eingabe auf mehr als 1.0 MiB (die Grenze gilt je Eingabe); an der Grenze abgebrochen",
      ],
      [
        "the report is 0.0 MiB; the limit is 0.0 MiB",
        "der Bericht hat 0.0 MiB; die Grenze liegt bei 0.0 MiB",
      ],
    ]);
    expect(errors.filter((e) => e && render("en", e.ref) !== e.message)).toEqual([]);
  });
});
