import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../core/diagnostic";
import type { MessageRef } from "../i18n/message-ref";
import { messageKeys } from "@/lib/i18n/message-keys.test-utils";
import { MESSAGES } from "../i18n/messages";
import { parsePolicy } from "./policy";
import { formatPolicy } from "./policy-format";
import { MAX_AGE_LIMIT } from "./policy-types";
import { liveMxNotes } from "../rollout/live-mx-notes";
import { proposeMaxAge, proposeMxPatterns } from "./propose";
import { parseTlsRptRecord, selectTlsRptRecord } from "../tlsrpt/tlsrpt-record";
import { parseStsTxtRecord, selectStsTxtRecord } from "./txt-record";

// Issue 16 §6: every policy diagnostic (STS-POL-*, STS-OPS-10) and every max_age advice
// carries a message key of the "diagnostics" namespace. The English message rendered from
// the key is exactly the English sentence lib writes (logs, API, checker), the German one
// exists and is German, and every key of the namespace is reached by one of these inputs.

const translator = (locale: "en" | "de") =>
  createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "diagnostics",
    onError: (e) => {
      throw e;
    },
  });
const en = translator("en");
const de = translator("de");
const render = (t: typeof en, ref: MessageRef): string =>
  t(ref.key as Parameters<typeof en>[0], ref.params);

const base = (extra = "", maxAge = "604800", mx = "mail.example.com"): string =>
  `version: STSv1\nmode: enforce\nmx: ${mx}\nmax_age: ${maxAge}\n${extra}`;
const longHost = Array.from({ length: 4 }, () => "a".repeat(63)).join(".");

/** Bodies that, together, raise every policy diagnostic there is. */
const BODIES: (string | Uint8Array)[] = [
  "version: STSv1\rmode: enforce\nmx: a.example\nmax_age: 86400\n", // bare CR
  base("\n"), // blank line
  " version: STSv1\nmode : enforce\nmx: a.example\nmax_age: 86400\n", // whitespace
  "garbage",
  "version: STSv1\n" + "\n".repeat(300), // 200 more lines
  "version: STSv1\n" + "\n".repeat(101), // 1 more line
  base("Mode: testing\n"),
  base().replace("STSv1", "STSv10"),
  base().replace("enforce", "Enforce"),
  base().replace("enforce", "strict"),
  "",
  "version: STSv1\nmode: testing\nmax_age: 86400\n",
  "mode: enforce\nmx: a.example\nmax_age: 86400\nversion: STSv1\n",
  base("", "1d"),
  base("", String(MAX_AGE_LIMIT + 1)),
  base("", "0086400"),
  base("", "600"),
  "version: STSv1\nmode: none\nmax_age: 604800\n",
  ...["", "a.example, b.example", "a.example.", "*.*.example", "münchen.example", "m\u00fc\u0000x"]
    .concat(["-a.example", longHost, "192.0.2.1", "*.com"])
    .map((mx) => base("", "604800", mx)),
  base("_bad: 1\next:\nx-report: ok\x7fbad\ncomment: café\nmode: enforce\nmax_age: 86400\n"),
  base("max_age: 1\n"),
  new Uint8Array([0xff, 0xfe, 0x00]),
  "\uFEFF" + base(),
];

function allDiagnostics(): Diagnostic[] {
  const parsed = BODIES.flatMap((b) => parsePolicy(b).diagnostics);
  const ownZone = parsePolicy(base("", "604800", "*.example.com"), {
    policyDomain: "example.com",
  }).diagnostics;
  const format = formatPolicy({ mode: "enforce", maxAge: 86400, mx: ["a.example\nmode: none"] });
  return [...parsed, ...ownZone, ...(format.ok ? [] : format.error)];
}

/** DNS records that, together, raise every TXT record diagnostic of txt-record/txt-fields. */
const RECORDS = [
  "v=STSv1; id=2024-05-17",
  "v=STSv1",
  "v=STSv1; id=a; id=b",
  "id=abc; v=STSv1",
  "V=STSv1; id=a",
  "v=STSv1 ",
  "v=STSv10; id=a",
  "v=STSv1 ; id=a",
  "v=STSv1; id=abc;;",
  "v=STSv1; id=policy1 \t",
  `v=STSv1; id=a${";".repeat(30)}`,
  "v=STSv1; id=a; junk",
  "v=STSv1; id = abc",
  "v=STSv1; id=a; _x=1",
  "v=STSv1; id=a; foo=",
  "v=STSv1; id=a; ext=1",
];

function allTxtDiagnostics(): Diagnostic[] {
  return [
    ...RECORDS.flatMap((r) => parseStsTxtRecord(r).diagnostics),
    ...selectStsTxtRecord([["v=STSv1; id=a"], ["v=STSv1; id=b"], ["v=spf1 -all"]]).diagnostics,
    ...selectStsTxtRecord([["v=STSv1; id=a"], ["x"], ["y"]]).diagnostics,
    ...parseTlsRptRecord("v=TLSRPTv1; rua=mailto:a@example.com; ext=1").diagnostics,
    ...TLSRPT_RECORDS.flatMap((r) => parseTlsRptRecord(r).diagnostics),
    ...parseTlsRptRecord("v=TLSRPTv1; rua=mailto:tlsrpt@example.net", {
      policyDomain: "example.com",
    }).diagnostics,
    ...selectTlsRptRecord([
      ["v=TLSRPTv1; rua=mailto:a@example.com"],
      ["v=TLSRPTv1; rua=mailto:b@example.com"],
    ]).diagnostics,
  ];
}

/** `_smtp._tls` records that, together, raise every RPT-TXT-2/3/6 diagnostic. */
const TLSRPT_RECORDS = [
  "v=TLSRPTv1;",
  "v=TLSRPTv1; rua=mailto:a@example.com,",
  "v=TLSRPTv1; rua=mailto:a@example.com!10m",
  "v=TLSRPTv1; rua=mailto:caf\u00e9@example.com",
  "v=TLSRPTv1; rua=a@example.com",
  "v=TLSRPTv1; rua=example.com",
  "v=TLSRPTv1; rua=http://example.com/tlsrpt",
  "v=TLSRPTv1; rua=ftp://example.com/tlsrpt",
  "v=TLSRPTv1; rua=mailto:%ff@example.com",
  "v=TLSRPTv1; rua=mailto:nobody",
  "v=TLSRPTv1; rua=https://",
  "v=TLSRPTv1; rua=https://user:pw@example.com/tlsrpt",
  `v=TLSRPTv1; rua=${Array.from({ length: 23 }, (_, i) => `bad${i}`).join(",")}`,
  "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com",
  "v=TLSRPTv1; rua=mailto:a;b@example.com",
];

/** Live MX sets that, together, raise every note of the MX proposal (mxAdvice.*). */
function allMxNotes() {
  const proposals = [
    [],
    ["."],
    ["mx.example.com", ".", "-bad-.example"],
    ["aspmx.l.google.com", "alt1.aspmx.l.google.com"],
    ["tenant.mail.protection.outlook.com"],
    ["in1-smtp.messagingengine.com"],
    ["mail.protonmail.ch"],
    ["mx.zoho.eu"],
    ["mx01.mail.icloud.com"],
    ["eu-smtp-inbound-1.mimecast.com"],
    ["a.github.io", "b.github.io"],
    ["mx1.example.com", "mx2.example.com"],
    ["mx1.mail.example.com", "mx2.mail.example.com"],
  ].map((mx) => proposeMxPatterns(mx));
  const saved = { policyId: "20261101T000000", mx: ["mx1.example.com"] };
  return [...proposals, liveMxNotes([], proposeMxPatterns([]), saved)].flatMap((p) =>
    p.notes.map((english, i) => ({ english, ref: p.noteRefs[i] })),
  );
}

function allAdvice() {
  const now = new Date("2026-03-01T00:00:00Z");
  const longAgo = new Date("2025-01-01T00:00:00Z");
  return [
    proposeMaxAge("testing", null, now),
    proposeMaxAge("none", null, now),
    proposeMaxAge("enforce", null, now),
    proposeMaxAge("enforce", { mode: "enforce", maxAge: 86400, since: longAgo }, now),
    proposeMaxAge("enforce", { mode: "enforce", maxAge: 86400, since: now }, now),
    proposeMaxAge("enforce", { mode: "enforce", maxAge: MAX_AGE_LIMIT, since: longAgo }, now),
  ];
}

describe("policy diagnostics as messages (issue 16 §6)", () => {
  const diagnostics = allDiagnostics();
  const txtDiagnostics = allTxtDiagnostics();
  const mxNotes = allMxNotes();
  const texts = [
    ...diagnostics.map((d) => ({ english: d.message, ref: d.ref })),
    ...txtDiagnostics.map((d) => ({ english: d.message, ref: d.ref })),
    ...allAdvice().map((a) => ({ english: a.reason, ref: a.ref })),
    ...mxNotes,
  ];

  it("STS-POL-*: every policy diagnostic carries a message key", () => {
    expect(diagnostics.filter((d) => d.ref === undefined)).toEqual([]);
  });

  it("STS-TXT-*, RPT-TXT-2: every DNS record diagnostic of the shared grammar carries a key", () => {
    expect(txtDiagnostics.filter((d) => d.ref === undefined)).toEqual([]);
    expect(txtDiagnostics.length).toBeGreaterThanOrEqual(RECORDS.length + 4);
  });

  it("STS-TXT-*: German record diagnostics, raw values as they are", () => {
    const de1 = (key: string) => {
      const d = txtDiagnostics.find((x) => x.ref?.key === key);
      return d?.ref && render(de, d.ref);
    };
    expect(de1("STS-TXT-4.badId")).toBe(
      "Die id „2024-05-17“ ist ungültig: Verwenden Sie nur 1 bis 32 Buchstaben und Ziffern, zum Beispiel einen UTC-Zeitstempel wie 20250301T120000Z.",
    );
    expect(de1("TXT-FIELDS.versionCase")).toBe(
      "Der Eintrag muss mit „v=STSv1“ beginnen. Bei der Version zählt die Groß- und Kleinschreibung: Schreiben Sie genau „v=STSv1“.",
    );
    const others = txtDiagnostics.filter((d) => d.ref?.key === "STS-TXT-7.otherRecords");
    expect(others.map((d) => d.ref && render(de, d.ref))).toEqual([
      "1 weiterer TXT-Eintrag unter diesem Namen ist kein MTA-STS-Eintrag; Absender ignorieren ihn.",
      "2 weitere TXT-Einträge unter diesem Namen sind keine MTA-STS-Einträge; Absender ignorieren sie.",
    ]);
    const unknown = txtDiagnostics.filter((d) => d.ref?.key === "TXT-FIELDS.unknownField");
    expect(unknown.map((d) => d.ref && render(de, d.ref))).toEqual([
      "Das Feld „ext“ ist in RFC 8461 nicht definiert; Absender ignorieren es.",
      "Das Feld „ext“ ist in RFC 8460 nicht definiert; Berichtsabsender ignorieren es.",
    ]);
  });

  it("RPT-TXT-*: German TLS-RPT record diagnostics, raw values as they are", () => {
    const de1 = (key: string) => {
      const d = txtDiagnostics.find((x) => x.ref?.key === key);
      return d?.ref && render(de, d.ref);
    };
    expect(de1("RPT-TXT-3.plainHttp")).toBe(
      "„http://example.com/tlsrpt“ verwendet das Schema „http:“: Definiert sind nur mailto: und https:. Unverschlüsseltes http: ist nicht erlaubt; verwenden Sie https:.",
    );
    expect(de1("RPT-TXT-3.moreInvalid")).toBe(
      "3 weitere rua-Ziele sind ebenfalls ungültig (insgesamt 23).",
    );
    expect(de1("RPT-TXT-4.severalRecords")).toBe(
      "Es gibt 2 TLS-RPT-Einträge: Berichtsabsender brauchen genau einen, daher kommen keine TLS-Berichte an. Löschen Sie alle bis auf einen.",
    );
    expect(de1("RPT-TXT-8.external")).toBe(
      "TLS-Berichte für example.com gehen an example.net, außerhalb Ihrer Domain (mailto:tlsrpt@example.net); prüfen Sie, ob das so gewollt ist.",
    );
  });

  it("STS-MX-*: every MX proposal note has its key; German notes, hosts as they are", () => {
    expect(mxNotes.filter((n) => n.ref === undefined)).toEqual([]);
    const de1 = (key: string) => {
      const n = mxNotes.find((x) => x.ref?.key === key);
      return n?.ref && render(de, n.ref);
    };
    expect(de1("mxAdvice.wildcard")).toBe(
      "*.mail.example.com deckt mx1.mail.example.com, mx2.mail.example.com ab, außerdem jeden anderen Host direkt unter mail.example.com mit gültigem Zertifikat (RFC 8461 §10.4).",
    );
    expect(de1("mxAdvice.provider.microsoft")).toBe(
      "Microsoft 365: *.mail.protection.outlook.com und *.<x>-v1.mx.microsoft (der DNSSEC-MX) sind die von Microsoft dokumentierten Muster. Wenn Sie eingehendes DNSSEC einschalten, nehmen Sie das neue Muster auf, bevor sich die MX-Einträge ändern (STS-OPS-7).",
    );
    expect(de1("mxAdvice.noLiveMx")).toBe(
      "Die Live-Abfrage hat keine MX-Einträge gefunden, während Richtlinie 20261101T000000 mx1.example.com nennt. Absender liefern nur an MX-Hosts: Prüfen Sie die MX-Einträge der Domain im DNS. Die Richtlinie selbst ist unverändert.",
    );
  });

  it("STS-POL-*, STS-OPS-8..10: the English message from the key is lib's English sentence", () => {
    const differing = texts
      .filter((x) => x.ref && render(en, x.ref) !== x.english)
      .map((x) => `${x.ref?.key}: ${x.ref && render(en, x.ref)} ≠ ${x.english}`);
    expect(differing).toEqual([]);
  });

  it("STS-POL-*: the German message exists and is not the English one", () => {
    const untranslated = texts.filter((x) => x.ref && render(de, x.ref) === x.english);
    expect(untranslated).toEqual([]);
    const bareCr = diagnostics.find((d) => d.ref?.key === "STS-POL-1.bareCr");
    expect(bareCr?.ref && render(de, bareCr.ref)).toBe(
      "Ein einzelnes CR ist kein Zeilenende: Beenden Sie jede Zeile mit LF oder CRLF.",
    );
    const short = diagnostics.find((d) => d.ref?.key === "STS-POL-8.underOneDay");
    expect(short?.ref && render(de, short.ref)).toBe(
      "max_age 600 ist kürzer als ein Tag: Absender speichern die Richtlinie kaum zwischen, sie schützt also wenig. Verwenden Sie mindestens 86400.",
    );
  });

  it("every key of the diagnostics namespace is reached by one of these inputs", () => {
    const used = new Set(texts.map((x) => x.ref?.key));
    // verifyDns.* (step 4's own notes) are reached in lib/rollout/verify-dns.test.ts.
    const unused = messageKeys(MESSAGES.en.diagnostics).filter(
      (k) => !used.has(k) && !k.startsWith("verifyDns."),
    );
    expect(unused).toEqual([]);
  });
});
