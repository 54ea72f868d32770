import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { CheckReport, CheckResult } from "@/lib/checker/types";
import { localizeDates } from "@/lib/core/format-date";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { MESSAGES } from "@/lib/i18n/messages";
import { addDays } from "@/lib/stats/date-range";
import { dkimPass } from "./auth.test-utils";
import { evaluateReadiness } from "./evaluate";
import type { Criterion, FailureEntry, ReadinessInput, ReportEntry } from "./types";

// Issue 16 §6: the READY criteria's evidence lines carry messages of the "readinessEvidence"
// namespace, index for index (Criterion.evidenceRefs). The English from each ref is the
// stored line, the German is German (dates and counts the German way: counts are written
// "{n, plural, other {#}}", as next-intl groups only a plural's #), and a line without
// a ref stays as stored. Lines quoting reasons or checker results: reason-text.test.ts.

const translator = (locale: "en" | "de") =>
  createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "readinessEvidence",
    onError: (e) => {
      throw e;
    },
  });
const en = translator("en");
const de = translator("de");
const render = (t: typeof en, ref: MessageRef, locale: "en" | "de") =>
  t(ref.key as Parameters<typeof en>[0], localizeDates(ref.params, locale));

const NOW = new Date("2026-03-20T09:00:00Z");
const LAST = "2026-03-19";
const MX = ["mx1.ev.example", "mx2.ev.example"];

function check(): { finishedAt: Date; report: CheckReport } {
  const ok = (id: string, target?: string): CheckResult => ({
    id,
    severity: "ok",
    title: `${id} passes`,
    evidence: "",
    fix: "",
    ...(target ? { target } : {}),
  });
  // mx2 lacks CHK-MX-5: "not tested for".
  const results = [
    ok("CHK-TXT-2"),
    ok("CHK-RPT-1"),
    ...["CHK-MX-1", "CHK-MX-3", "CHK-MX-4", "CHK-MX-5"].map((id) => ok(id, MX[0])),
    ...["CHK-MX-1", "CHK-MX-3", "CHK-MX-4"].map((id) => ok(id, MX[1])),
  ];
  return {
    finishedAt: new Date("2026-03-19T12:00:00Z"),
    report: {
      domain: "ev.example",
      startedAt: "",
      finishedAt: "",
      durationMs: 1,
      mode: "testing",
      deadlineHit: false,
      results,
      summary: { error: 0, warning: 0, info: 0, ok: results.length, untested: 0 },
    },
  };
}

const entry = (day: string, over: Partial<ReportEntry> = {}): ReportEntry => ({
  day,
  reporterKey: "google.com",
  organization: "Google LLC",
  policyType: "sts",
  policyStrings: [],
  successful: 10_000,
  failed: 0,
  auth: dkimPass("google.com"),
  ...over,
});

const fail = (resultType: string, over: Partial<FailureEntry> = {}): FailureEntry => ({
  day: LAST,
  reporterKey: "google.com",
  organization: "Google LLC",
  policyType: "sts",
  resultType,
  mxHost: "other.ev.example",
  sessions: 1234,
  reasonCode: null,
  ...over,
});

function input(): ReadinessInput {
  const entries = Array.from({ length: 20 }, (_, i) => entry(addDays(LAST, -i)));
  entries[0] = entry(LAST, { failed: 1239 });
  return {
    now: NOW,
    policy: {
      policyId: "20260101T000000Z",
      mode: "testing",
      maxAge: 604800,
      mx: MX,
      createdAt: new Date("2026-01-01T00:00:00Z"),
    },
    history: [{ mode: "testing", createdAt: new Date("2026-01-01T00:00:00Z") }],
    check: check(),
    checkMaxAgeHours: 24,
    entries,
    failures: [
      fail("certificate-expired"),
      fail("brand-new-type", { mxHost: null, sessions: 3, reasonCode: "X-42" }),
      fail("sts-policy-invalid", { sessions: 2 }),
    ],
    quarantined: [{ reporterKey: "mail.example", reports: 3 }],
  };
}

const lines = (cs: readonly Criterion[]) =>
  cs.flatMap((c) => c.evidence.map((text, i) => ({ id: c.id, text, ref: c.evidenceRefs?.[i] })));

describe("READY evidence lines as messages (issue 16 §6)", () => {
  const all = lines(evaluateReadiness(input()).criteria);
  const keyed = all.filter((l) => l.ref);
  const german = (key: string) =>
    keyed.filter((l) => l.ref?.key === key).map((l) => l.ref && render(de, l.ref, "de"));

  it("every ref's English is the stored line; refs sit index for index", () => {
    expect(keyed.length).toBeGreaterThanOrEqual(12);
    for (const c of evaluateReadiness(input()).criteria)
      if (c.evidenceRefs) expect(c.evidenceRefs).toHaveLength(c.evidence.length);
    const differing = keyed
      .map((l) => ({ l, english: l.ref && render(en, l.ref, "en") }))
      .filter((x) => x.english !== x.l.text);
    expect(differing).toEqual([]);
  });

  it("the German lines, raw data as it is, dates and counts the German way", () => {
    expect(german("checkerRun")).toEqual([
      "Prüflauf vom 19.03.2026 12:00 UTC.",
      "Prüflauf vom 19.03.2026 12:00 UTC.",
    ]);
    expect(german("mxNotTested")).toEqual(["mx2.ev.example: nicht geprüft auf CHK-MX-5."]);
    expect(german("servedPolicy")).toEqual([
      "Ausgelieferte Richtlinie 20260101T000000Z: mode testing, max_age 604800 (7 Tage).",
    ]);
    expect(german("tlsFailure")).toEqual([
      "TLS-Fehler: 19.03.2026 Google LLC: 1.234 × certificate-expired auf other.ev.example.",
      "TLS-Fehler: 19.03.2026 Google LLC: 3 × brand-new-type auf einem unbenannten MX (X-42) (unbekannter Ergebnistyp, als Fehler gezählt).",
    ]);
    expect(german("reportedMx")).toEqual([
      "other.ev.example: NICHT abgedeckt; 1.236 fehlgeschlagene Sitzungen an 1 Tagen, gemeldet von Google LLC.",
    ]);
    expect(german("quarantined")).toEqual([
      "Nicht gezählt: 3 E-Mail-Berichte in Quarantäne ohne passende DKIM-Signatur, von mail.example (3); ein Admin kann den Berichtsabsender annehmen.",
    ]);
  });

  it("English stays as it was: lines lib wrote before the refs", () => {
    const texts = all.map((l) => l.text);
    expect(texts).toContain("Checker run of 2026-03-19T12:00Z.");
    expect(texts).toContain(
      "TLS failure: 2026-03-19 Google LLC: 3 × brand-new-type on an unnamed MX (X-42) (unknown result type, counted as a failure).",
    );
    expect(texts).toContain(
      "Served policy 20260101T000000Z: mode testing, max_age 604800 (7 days).",
    );
    expect(texts).toContain(
      "Rolling back to testing or none needs a new id in the _mta-sts TXT record and takes up to the TXT TTL plus 7 days to reach every sender.",
    );
    expect(texts).toContain(
      "Policy problem: 2026-03-19 Google LLC: 2 × sts-policy-invalid on other.ev.example.",
    );
  });
});
