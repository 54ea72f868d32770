import { createTranslator } from "next-intl";
import { result } from "@/lib/checker/result";
import { ct } from "@/lib/checker/text";
import type { CheckResult } from "@/lib/checker/types";
import { describe, expect, it } from "vitest";
import { localizeDates } from "@/lib/core/format-date";
import { formatIcu } from "@/lib/i18n/format-icu";
import { messageKeys } from "@/lib/i18n/message-keys.test-utils";
import { MESSAGES } from "@/lib/i18n/messages";
import { addDays } from "@/lib/stats/date-range";
import { dkimPass, unauthenticated } from "./auth.test-utils";
import { judgeDay } from "./day-evidence";
import { evaluateReadiness } from "./evaluate";
import { classifyFailure } from "./failure-side";
import type { Reason } from "./reason-text";
import type { FailureEntry, ReadinessInput, ReasonedRef, ReportEntry } from "./types";

// Issue 16 §6: the reasons inside READY texts (why a testing run stops, whose side a
// failure is on) are "readinessReasons" messages (stop.*, side.*), and the lines and the
// summary that quote them keep their refs (`reasons`). The English from each ref is lib's
// English as before; the German is what the Enforce page shows (components/readiness/
// reason-text.ts, mirrored in `page` below), dates the German way.

type Locale = "en" | "de";
type Namespace = "readinessReasons" | "readinessEvidence" | "readiness" | "checks";
const t = (locale: Locale, namespace: Namespace) =>
  createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace,
    onError: (e) => {
      throw e;
    },
  }) as unknown as (key: string, params?: ReasonedRef["params"]) => string;

/** A ref as the page shows it: its reasons translated first, dates localized. */
function page(
  locale: Locale,
  ns: "readinessReasons" | "readinessEvidence" | "readiness",
  ref: ReasonedRef,
): string {
  const params = (r: ReasonedRef): ReasonedRef["params"] => {
    const out = { ...localizeDates(r.params, locale) };
    for (const [name, list] of Object.entries(r.reasons ?? {}))
      out[name] = list
        .map((x) =>
          x.namespace === "checks"
            ? t(locale, "checks")(x.key, localizeDates(x.params, locale))
            : t(locale, "readinessReasons")(x.key, params(x)),
        )
        .join("; ");
    return out;
  };
  return t(locale, ns)(ref.key, params(ref));
}

const DAY = "2026-03-19";
const MX = ["mx1.rs.example"];
const entry = (over: Partial<ReportEntry> = {}): ReportEntry => ({
  day: DAY,
  reporterKey: "small.example",
  organization: "Small Sender",
  policyType: "sts",
  policyStrings: [],
  successful: 100,
  failed: 0,
  auth: dkimPass("small.example"),
  ...over,
});
const strings = (mode: string | null, mx = MX[0]) => [
  "version: STSv1",
  ...(mode ? [`mode: ${mode}`] : []),
  `mx: ${mx}`,
  "max_age: 86400",
];
const base = (history: ReadinessInput["history"]): ReadinessInput => ({
  now: new Date("2026-03-20T09:00:00Z"),
  policy: null,
  history,
  check: null,
  checkMaxAgeHours: 24,
  entries: [],
  failures: [],
});
const testing = [{ mode: "testing", createdAt: new Date("2026-01-01T00:00:00Z") }];
const stop = (es: ReportEntry[], history = testing): Reason => {
  const r = judgeDay(base(history), DAY, es, MX).stop;
  if (!r) throw new Error("the day counts");
  return r;
};

/** Every stop.* reason, in the order of the messages. */
const STOPS: Reason[] = [
  stop([]),
  stop([entry({ policyType: "no-policy-found" })]),
  stop([entry()], []),
  stop([entry()], [{ mode: "enforce", createdAt: new Date("2026-01-01T00:00:00Z") }]),
  stop([
    entry({ policyStrings: strings("enforce") }),
    entry({ organization: "Other", policyStrings: strings(null) }),
    entry({ organization: "Third", policyStrings: strings("testing", "mx9.rs.example") }),
  ]),
];
/** Every side.* reason. */
const SIDES: Reason[] = [
  ["dane-required", null, false],
  ["tlsa-invalid", null, true],
  ["dnssec-invalid", null, null],
  ["certificate-not-trusted", "sender trust store outdated", null],
  ["starttls-not-supported", null, null],
  ["certificate-host-mismatch", null, null],
  ["certificate-expired", null, null],
  ["certificate-not-trusted", null, null],
  ["sts-policy-fetch-error", null, null],
  ["sts-policy-invalid", null, null],
  ["sts-webpki-invalid", null, null],
  ["validation-failure", "X-42", null],
  ["validation-failure", null, null],
  ["brand-new-type", null, null],
].map(([type, code, tlsa]) => {
  const c = classifyFailure(type as string, code as string | null, tlsa as boolean | null);
  return { text: c.why, ref: c.whyRef };
});

describe("READY reasons as messages (issue 16 §6)", () => {
  it("the English from each ref is lib's English, every stop.* and side.* key reached", () => {
    for (const r of [...STOPS, ...SIDES]) {
      expect(page("en", "readinessReasons", r.ref)).toBe(r.text);
      const en = MESSAGES.en.readinessReasons as unknown as Record<string, Record<string, string>>;
      const [group, key] = r.ref.key.split(".") as [string, string];
      expect(formatIcu(en[group]?.[key] ?? "", r.ref.params)).toBe(r.text);
    }
    const used = new Set(
      [...STOPS, ...SIDES]
        .flatMap((r) => [r.ref, ...(r.ref.reasons?.problems ?? [])])
        .map((r) => r.key),
    );
    const keys = messageKeys(MESSAGES.en.readinessReasons).filter(
      (k) => k.startsWith("stop.") || k.startsWith("side."),
    );
    expect(keys.filter((k) => !used.has(k))).toEqual([]);
  });

  it("why a run stops, in English as before and in German", () => {
    expect(STOPS.map((r) => r.text)).toEqual([
      "no report covers 2026-03-19",
      "2026-03-19 has no sts entries (no-policy-found): senders found no policy",
      "2026-03-19 was before the first policy",
      "2026-03-19 was in mode enforce",
      "on 2026-03-19 Small Sender saw mode enforce; Other saw mode (none); Third saw a testing policy that does not cover mx1.rs.example",
    ]);
    expect(STOPS.map((r) => page("de", "readinessReasons", r.ref))).toEqual([
      "Kein Bericht deckt den 19.03.2026 ab",
      "Der 19.03.2026 hat keine sts-Einträge (no-policy-found): Absender fanden keine Richtlinie",
      "Der 19.03.2026 lag vor der ersten Richtlinie",
      "Am 19.03.2026 galt der Modus enforce",
      "Am 19.03.2026: Small Sender sah den Modus enforce; Other sah den Modus (keinen); Third sah eine Richtlinie im Testmodus, die mx1.rs.example nicht abdeckt",
    ]);
  });

  it("whose side, in English as before and in German", () => {
    expect(SIDES.map((r) => r.text)).toEqual([
      "dane-required while the domain publishes no TLSA records (CHK-MX-10): the sender's own DANE/DNSSEC problem, not a reason to hold back enforce",
      "tlsa-invalid: the MX publishes TLSA records that did not validate",
      "dnssec-invalid: no checker run says whether the MX publishes TLSA records",
      'the reason code "sender trust store outdated" names the sender\'s trust store, not the MX certificate',
      "the MX did not offer or complete STARTTLS",
      "the MX certificate does not name the host",
      "the MX certificate has expired",
      "the MX certificate chain is not trusted",
      "the policy host could not be reached or did not serve the policy",
      "the policy body did not validate",
      "the policy host's certificate failed validation",
      'validation-failure is a catch-all ("X-42"): whose side is not known',
      "validation-failure is a catch-all without a reason code: whose side is not known",
      "brand-new-type does not say whose side it is on",
    ]);
    expect(SIDES.map((r) => page("de", "readinessReasons", r.ref))).toEqual([
      "dane-required, obwohl die Domain keine TLSA-Einträge veröffentlicht (CHK-MX-10): ein DANE/DNSSEC-Problem des Absenders, kein Grund, den Erzwingungsmodus zurückzuhalten",
      "tlsa-invalid: Der MX veröffentlicht TLSA-Einträge, die sich nicht validieren ließen",
      "dnssec-invalid: Kein Prüflauf sagt, ob der MX TLSA-Einträge veröffentlicht",
      "der Grundcode „sender trust store outdated“ nennt den Vertrauensspeicher (Trust Store) des Absenders, nicht das MX-Zertifikat",
      "der MX hat STARTTLS nicht angeboten oder nicht abgeschlossen",
      "das MX-Zertifikat nennt den Host nicht",
      "das MX-Zertifikat ist abgelaufen",
      "der Zertifikatskette des MX wird nicht vertraut",
      "der Richtlinien-Host war nicht erreichbar oder hat die Richtlinie nicht ausgeliefert",
      "der Inhalt der Richtlinie war ungültig",
      "das Zertifikat des Richtlinien-Hosts hat die Prüfung nicht bestanden",
      "validation-failure ist ein Sammeltyp („X-42“): Auf wessen Seite der Fehler liegt, ist nicht bekannt",
      "validation-failure ist ein Sammeltyp ohne Grundcode: Auf wessen Seite der Fehler liegt, ist nicht bekannt",
      "brand-new-type sagt nicht, auf wessen Seite der Fehler liegt",
    ]);
  });

  // READY-3 stops at a day a reporter saw enforce; READY-4 has three reporters (their
  // policy-strings show an older mode, the current policy, nothing); READY-5 has a sender-side
  // and an unknown failure (no TLSA result: unknown) and a waived fetch error.
  const fail = (resultType: string, over: Partial<FailureEntry> = {}): FailureEntry => ({
    day: DAY,
    reporterKey: "google.com",
    organization: "Google LLC",
    policyType: "sts",
    resultType,
    mxHost: MX[0] ?? null,
    sessions: 1234,
    reasonCode: null,
    ...over,
  });
  const days = Array.from({ length: 20 }, (_, i) => addDays(DAY, -i));
  const input: ReadinessInput = {
    ...base(testing),
    policy: {
      policyId: "20260101T000000Z",
      mode: "testing",
      maxAge: 86400,
      mx: MX,
      createdAt: new Date("2026-01-01T00:00:00Z"),
    },
    check: {
      finishedAt: new Date("2026-03-20T08:00:00Z"),
      report: {
        domain: "rs.example",
        startedAt: "",
        finishedAt: "",
        durationMs: 1,
        mode: "testing",
        deadlineHit: false,
        results: [],
        summary: { error: 0, warning: 0, info: 0, ok: 0, untested: 0 },
      },
    },
    entries: days.flatMap((day, i) => [
      entry({ day, policyStrings: i === 5 ? strings("enforce") : [], successful: 100_000 }),
      entry({
        day,
        reporterKey: "google.com",
        organization: "Google LLC",
        policyStrings: i === 0 ? strings("testing") : [],
        successful: 100_000,
        auth: i % 2 ? unauthenticated("https") : unauthenticated("imap", true),
      }),
      entry({
        day,
        reporterKey: "upload.example",
        organization: "Uploader",
        auth: unauthenticated("upload", true),
      }),
    ]),
    failures: [
      fail("certificate-not-trusted", { reasonCode: "outdated CA bundle" }),
      fail("dane-required", { mxHost: null, sessions: 2 }),
      fail("sts-policy-fetch-error", { sessions: 5 }),
    ],
  };
  const criteria = evaluateReadiness(input).criteria;
  const lines = criteria.flatMap((c) =>
    c.evidence.map((text, i) => ({ id: c.id, text, ref: c.evidenceRefs?.[i] ?? null })),
  );
  const quoting = lines.filter((l) => l.ref?.reasons);
  const byKey = (key: string) => quoting.filter((l) => l.ref?.key === key);
  const german = (key: string) => byKey(key).map((l) => page("de", "readinessEvidence", l.ref!));

  it("every line quoting reasons formats from its ref to the stored English", () => {
    expect(quoting.length).toBeGreaterThanOrEqual(8);
    for (const l of quoting) expect(page("en", "readinessEvidence", l.ref!)).toBe(l.text);
    // The reasons these lines quote reach every auth.*, strings.* and waived.* key.
    const quoted = (r: ReasonedRef): string[] =>
      Object.values(r.reasons ?? {}).flatMap((list) => list.flatMap((x) => [x.key, ...quoted(x)]));
    const used = new Set(quoting.flatMap((l) => quoted(l.ref!)));
    const keys = messageKeys(MESSAGES.en.readinessReasons).filter((k) =>
      ["auth.", "strings.", "waived."].some((p) => k.startsWith(p)),
    );
    expect(keys.filter((k) => !used.has(k))).toEqual([]);
  });

  it("why the run stops and whose side: English as stored, German with the reason in German", () => {
    const keys = ["runStartsAfter", "sideSender", "sideUnknown"];
    expect(keys.flatMap((k) => byKey(k).map((l) => l.text))).toEqual([
      "The run starts after on 2026-03-14 Small Sender saw mode enforce.",
      'Sender side, does not block: 2026-03-19 Google LLC: 1,234 × certificate-not-trusted on mx1.rs.example (outdated CA bundle): the reason code "outdated CA bundle" names the sender\'s trust store, not the MX certificate.',
      "Side unknown, blocks: 2026-03-19 Google LLC: 2 × dane-required on an unnamed MX: dane-required: no checker run says whether the MX publishes TLSA records.",
    ]);
    expect(keys.flatMap(german)).toEqual([
      "Die Folge beginnt erst nach diesem Tag: Am 14.03.2026: Small Sender sah den Modus enforce.",
      "Absenderseite, blockiert nicht: 19.03.2026 Google LLC: 1.234 × certificate-not-trusted auf mx1.rs.example (outdated CA bundle): der Grundcode „outdated CA bundle“ nennt den Vertrauensspeicher (Trust Store) des Absenders, nicht das MX-Zertifikat.",
      "Seite unbekannt, blockiert: 19.03.2026 Google LLC: 2 × dane-required auf einem unbenannten MX: dane-required: Kein Prüflauf sagt, ob der MX TLSA-Einträge veröffentlicht.",
    ]);
  });

  it("the reporters, the reports judged and a waiver: English as stored, and German", () => {
    const keys = ["reporter", "reportsJudged", "waived"];
    expect(keys.flatMap((k) => byKey(k).map((l) => `${l.id} ${l.text}`))).toEqual([
      "READY-4 Small Sender (small.example): sts entries on 14 days; policy-string shows mode enforce, max_age 86400: not the current policy; 14 of 14 reports DKIM-verified (small.example).",
      "READY-4 Google LLC (google.com): sts entries on 14 days; policy-string shows the current policy (id 20260101T000000Z); 0 of 14 reports DKIM-verified; 7 mail without an aligned DKIM pass, reporter accepted; 7 unauthenticated HTTPS.",
      "READY-4 Uploader (upload.example): sts entries on 14 days; no policy-string (Google and Microsoft leave it out); 0 of 14 reports DKIM-verified; 14 unauthenticated uploaded, reporter accepted.",
      "READY-3 Reports judged: 14 of 42 reports DKIM-verified (small.example); 7 mail without an aligned DKIM pass, reporter accepted; 14 unauthenticated uploaded, reporter accepted; 7 unauthenticated HTTPS.",
      "READY-5 Reports judged: 7 of 21 reports DKIM-verified (small.example); 4 mail without an aligned DKIM pass, reporter accepted; 7 unauthenticated uploaded, reporter accepted; 3 unauthenticated HTTPS.",
      "READY-5 Waived: fetch errors from one reporter on one day while the checker shows the policy host healthy: 2026-03-19 Google LLC: 5 × sts-policy-fetch-error on mx1.rs.example.",
    ]);
    expect(keys.flatMap(german)).toEqual([
      "Small Sender (small.example): sts-Einträge an 14 Tagen; policy-string zeigt mode enforce, max_age 86400: nicht die aktuelle Richtlinie; 14 von 14 Berichten per DKIM bestätigt (small.example).",
      "Google LLC (google.com): sts-Einträge an 14 Tagen; policy-string zeigt die aktuelle Richtlinie (id 20260101T000000Z); 0 von 14 Berichten per DKIM bestätigt; 7 E-Mail-Berichte ohne passende DKIM-Signatur, Berichtsabsender angenommen; 7 nicht authentifizierte Berichte (HTTPS).",
      "Uploader (upload.example): sts-Einträge an 14 Tagen; kein policy-string (Google und Microsoft lassen ihn weg); 0 von 14 Berichten per DKIM bestätigt; 14 nicht authentifizierte Berichte (hochgeladen), Berichtsabsender angenommen.",
      "Beurteilte Berichte: 14 von 42 Berichten per DKIM bestätigt (small.example); 7 E-Mail-Berichte ohne passende DKIM-Signatur, Berichtsabsender angenommen; 14 nicht authentifizierte Berichte (hochgeladen), Berichtsabsender angenommen; 7 nicht authentifizierte Berichte (HTTPS).",
      "Beurteilte Berichte: 7 von 21 Berichten per DKIM bestätigt (small.example); 4 E-Mail-Berichte ohne passende DKIM-Signatur, Berichtsabsender angenommen; 7 nicht authentifizierte Berichte (hochgeladen), Berichtsabsender angenommen; 3 nicht authentifizierte Berichte (HTTPS).",
      "Nicht gewertet: Abruffehler von einem Berichtsabsender an einem einzigen Tag, während der Prüflauf den Richtlinien-Host als fehlerfrei zeigt: 19.03.2026 Google LLC: 5 × sts-policy-fetch-error auf mx1.rs.example.",
    ]);
  });

  it("READY-3's summary quotes the same reason, in German too", () => {
    const ready3 = criteria.find((c) => c.id === "READY-3")!;
    expect(ready3.summary).toBe(
      "5 of 14 days so far: the run starts after on 2026-03-14 Small Sender saw mode enforce.",
    );
    const summary = { ...ready3.message!, key: `summary.${ready3.message!.key}` };
    expect(page("en", "readiness", summary)).toBe(ready3.summary);
    expect(page("de", "readiness", summary)).toBe(
      "Bisher 5 von 14 Tagen; die Folge beginnt erst nach diesem Tag: Am 14.03.2026: Small Sender sah den Modus enforce.",
    );
  });

  it("a usual reporter gone quiet: the line and READY-5's summary, in English and German", () => {
    const cut = addDays(DAY, -10);
    const quiet = evaluateReadiness({
      ...input,
      failures: [],
      entries: input.entries.filter((e) => e.reporterKey !== "upload.example" || e.day <= cut),
    }).criteria.find((c) => c.id === "READY-5")!;
    const i = quiet.evidence.findIndex((l) => l.startsWith("Quiet usual reporter"));
    const ref = quiet.evidenceRefs?.[i];
    expect([quiet.status, quiet.evidence[i], quiet.summary]).toEqual([
      "unknown",
      "Quiet usual reporter: Uploader (last report 2026-03-09) usually reports but sent nothing from 2026-03-13 to 2026-03-19: silence is not a clean week.",
      "Uploader (last report 2026-03-09) usually reports but sent nothing from 2026-03-13 to 2026-03-19: silence is not a clean week.",
    ]);
    expect(page("en", "readinessEvidence", ref!)).toBe(quiet.evidence[i]);
    expect(page("de", "readinessEvidence", ref!)).toBe(
      "Stiller üblicher Berichtsabsender: Uploader (letzter Bericht 09.03.2026) sendet sonst regelmäßig Berichte, aber nichts vom 13.03.2026 bis 19.03.2026: Schweigen ist keine saubere Woche.",
    );
    const summary = { ...quiet.message!, key: `summary.${quiet.message!.key}` };
    expect(page("en", "readiness", summary)).toBe(quiet.summary);
    expect(page("de", "readiness", summary)).toBe(
      "Uploader (letzter Bericht 09.03.2026) sendet sonst regelmäßig Berichte, aber nichts vom 13.03.2026 bis 19.03.2026: Schweigen ist keine saubere Woche.",
    );
  });

  it("a not-met READY-5 keeps its problems, the quiet sentence follows as its own message", () => {
    const cut = addDays(DAY, -10);
    const five = evaluateReadiness({
      ...input,
      failures: [
        ...input.failures,
        fail("sts-policy-invalid", { sessions: 3, day: addDays(DAY, -5) }),
      ],
      entries: input.entries.filter((e) => e.reporterKey !== "upload.example" || e.day <= cut),
    }).criteria.find((c) => c.id === "READY-5")!;
    expect(five.status).toBe("not-met");
    expect(five.problems?.list.length).toBeGreaterThan(0);
    const more = { ...five.summaryMore!, key: `summary.${five.summaryMore!.key}` };
    expect(five.summary.endsWith(` ${page("en", "readiness", more)}`)).toBe(true);
    expect(page("de", "readiness", more)).toBe(
      "Uploader (letzter Bericht 09.03.2026) sendet sonst regelmäßig Berichte, aber nichts vom 13.03.2026 bis 19.03.2026: Schweigen ist keine saubere Woche.",
    );
  });

  it("checker results quoted by READY-1 and the TLS-RPT record line: their refs, else as stored", () => {
    const results: CheckResult[] = [
      result("CHK-TXT-2", "error", ct("txt.several"), '"v=STSv1; id=1" "v=STSv1; id=2"'),
      // A run stored before the texts had refs.
      { id: "CHK-RPT-1", severity: "error", title: "Old title", evidence: "old evidence", fix: "" },
      result("CHK-RPT-2", "warning", ct("rpt.several"), ""),
    ];
    const check = { ...input.check!, report: { ...input.check!.report, results } };
    const cs = evaluateReadiness({ ...input, check }).criteria;
    const shown = cs.flatMap((c) =>
      c.evidence.flatMap((text, i) => {
        const ref = c.evidenceRefs?.[i];
        if (!ref || !["checkerResult", "rptProblems"].includes(ref.key)) return [];
        expect(page("en", "readinessEvidence", ref)).toBe(text);
        return [[c.id, text, page("de", "readinessEvidence", ref)]];
      }),
    );
    expect(shown).toEqual([
      [
        "READY-1",
        'CHK-TXT-2 error: More than one MTA-STS record — "v=STSv1; id=1" "v=STSv1; id=2"',
        'CHK-TXT-2 Fehler: Mehr als ein MTA-STS-Eintrag — "v=STSv1; id=1" "v=STSv1; id=2"',
      ],
      [
        "READY-1",
        "CHK-RPT-1 error: Old title — old evidence",
        "CHK-RPT-1 Fehler: Old title — old evidence",
      ],
      [
        "READY-3",
        "TLS-RPT record: CHK-RPT-1 error: Old title — old evidence; CHK-RPT-2 warning: More than one TLS-RPT record",
        "TLS-RPT-Eintrag: CHK-RPT-1 Fehler: Old title — old evidence; CHK-RPT-2 Warnung: Mehr als ein TLS-RPT-Eintrag",
      ],
    ]);
  });

  it("a verdict stored before the reasons had refs still shows its English reason", () => {
    const stored = { key: "runStartsAfter", params: { stop: "no report covers 2026-03-12" } };
    expect(page("de", "readinessEvidence", stored)).toBe(
      "Die Folge beginnt erst nach diesem Tag: no report covers 2026-03-12.",
    );
  });
});
