import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { localizeDates } from "@/lib/core/format-date";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { messageKeys } from "@/lib/i18n/message-keys.test-utils";
import { MESSAGES } from "@/lib/i18n/messages";
import { addDays } from "@/lib/stats/date-range";
import { dkimPass } from "./auth.test-utils";
import { windows } from "./days";
import { removalStages } from "./mode-change";
import { evaluateReadiness } from "./evaluate";
import { mxReasonParams, mxVerdicts } from "./mx-verdict";
import { REASON_GROUPS } from "./reason-text";
import type { Criterion, FailureEntry, MxVerdict, ReadinessInput, Readiness } from "./types";

// Issue 16 §6: the removal stages (STS-OPS-9) and the per-MX verdicts (RFC 8461 §8.4) of the
// Enforce page carry messages of the "readinessReasons" namespace. English from the key is lib's English sentence, German
// exists and differs, and every key of the namespace is reached here.

const translator = (locale: "en" | "de") =>
  createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "readinessReasons",
    onError: (e) => {
      throw e;
    },
  });
const en = translator("en");
const de = translator("de");
const render = (t: typeof en, ref: MessageRef) =>
  t(ref.key as Parameters<typeof en>[0], ref.params);

const DAY = "2026-03-19";
/** One MX per verdict: blocking three ways, one day, older failures, none; and unattributed. */
function verdicts(): MxVerdict[] {
  const input = mxInput();
  return mxVerdicts(input, windows(input));
}

function mxInput(): ReadinessInput {
  const hosts = ["both", "week", "last", "one", "old", "quiet"].map((h) => `${h}.mx.example`);
  const f = (ago: number, mxHost: string | null, sessions = 3): FailureEntry => ({
    day: addDays(DAY, -ago),
    reporterKey: "google.com",
    organization: "Google LLC",
    policyType: "sts",
    resultType: "certificate-expired",
    mxHost,
    sessions,
    reasonCode: null,
  });
  const input: ReadinessInput = {
    now: new Date("2026-03-20T09:00:00Z"),
    policy: {
      policyId: "20260101T000000Z",
      mode: "testing",
      maxAge: 86400,
      mx: hosts,
      createdAt: new Date("2026-01-01T00:00:00Z"),
    },
    history: [{ mode: "testing", createdAt: new Date("2026-01-01T00:00:00Z") }],
    check: null,
    checkMaxAgeHours: 24,
    entries: Array.from({ length: 20 }, (_, i) => ({
      day: addDays(DAY, -i),
      reporterKey: "google.com",
      organization: "Google LLC",
      policyType: "sts",
      policyStrings: [],
      successful: 10_000,
      failed: 0,
      auth: dkimPass("google.com"),
    })),
    failures: [
      f(0, "both.mx.example", 1200),
      f(3, "both.mx.example"),
      f(2, "week.mx.example"),
      f(4, "week.mx.example"),
      f(0, "last.mx.example"),
      f(5, "one.mx.example"),
      f(12, "old.mx.example"),
      f(1, null, 1),
    ],
  };
  return input;
}

/** A criterion's problem list as readiness-panel shows it (criterion-problems.ts). */
function problemSummary(t: typeof en, r: Readiness, c: Criterion): string {
  const p = c.problems;
  if (!p) return "";
  const one = (ref: MessageRef): string => {
    const m = r.mx.find((v) => v.host === ref.params?.host);
    if (ref.key !== "problems.mx" || !m) return render(t, ref);
    const locale = t === en ? "en" : "de";
    return render(t, { key: m.message.key, params: mxReasonParams(m, locale) }).replace(/\.$/, "");
  };
  return render(t, {
    key: "problemList",
    params: { problems: p.list.map(one).join("; "), from: p.from, to: p.to },
  });
}

const v = (policyId: string, mode: string, maxAge: number, at: string) => ({
  policyId,
  mode,
  maxAge,
  createdAt: new Date(at),
});
const now = new Date("2026-03-10T00:00:00Z");
const enforce = v("2", "enforce", 604800, "2026-02-01T00:00:00Z");

/** Removal stages before mode none, while senders may hold the policy, and once safe. */
type Text = { english: string; ref: MessageRef; text?: (t: typeof en) => string };
const show = (t: typeof en, x: Text) => (x.text ? x.text(t) : render(t, x.ref));

function texts(): Text[] {
  const histories = [
    [enforce],
    [v("3", "none", 86400, "2026-03-05T00:00:00Z"), enforce],
    [v("3", "none", 86400, "2026-02-05T00:00:00Z"), enforce],
  ];
  const stages = histories
    .flatMap((h) => removalStages(h, now))
    .flatMap((s) => [
      { english: s.title, ref: s.titleRef },
      { english: s.detail, ref: s.detailRef },
    ]);
  // The lists of failures in an MX verdict come from mxReasonParams, as the MX table renders.
  const mx = verdicts().map((m) => ({
    english: m.reason,
    ref: { key: m.message.key, params: mxReasonParams(m, "en") },
  }));
  const r = evaluateReadiness(mxInput());
  const problems = r.criteria
    .filter((c) => c.problems)
    .map((c) => ({
      english: c.summary,
      ref: { key: "problemList" },
      text: (t: typeof en) => problemSummary(t, r, c),
    }));
  return [...stages, ...mx, ...problems];
}

describe("Enforce page sentences from lib as messages (issue 16 §6)", () => {
  const all = texts();

  it("STS-OPS-9: the English message from each key is lib's English sentence", () => {
    const differing = all
      .filter((x) => show(en, x) !== x.english)
      .map((x) => `${x.ref.key}: ${show(en, x)} ≠ ${x.english}`);
    expect(differing).toEqual([]);
  });

  it("STS-OPS-9: the German message exists and is German", () => {
    expect(all.filter((x) => show(de, x) === x.english)).toEqual([]);
    const wait = all.find((x) => x.ref.key === "removal.wait");
    // The page reads lib's ISO time as a German date (localizeDates, as removal-steps.tsx does).
    const ref = wait && { ...wait.ref, params: localizeDates(wait.ref.params, "de") };
    expect(ref && render(de, ref)).toBe(
      "Absender können bis 12.03.2026 00:00 UTC noch eine Richtlinie im Test- oder Erzwingungsmodus zwischengespeichert haben.",
    );
  });

  it("RFC 8461 §8.4: an MX verdict in German groups its counts the German way", () => {
    const both = verdicts().find((m) => m.host === "both.mx.example");
    expect(both?.reason).toBe(
      "both.mx.example failed on 2 of the last 7 days (1,203 × certificate-expired) and on the last reported day 2026-03-19 (1,200 × certificate-expired): in enforce these sessions would bounce; fix this MX first.",
    );
    expect(both && render(de, { key: both.message.key, params: mxReasonParams(both, "de") })).toBe(
      "both.mx.example schlug an 2 der letzten 7 Tage fehl (1.203 × certificate-expired) und am letzten gemeldeten Tag 2026-03-19 (1.200 × certificate-expired): Im Erzwingungsmodus würden diese Sitzungen abgewiesen; beheben Sie zuerst diesen MX.",
    );
  });

  it("READY-4, READY-5: the problem lists are German, counts and MX sentences included", () => {
    const r = evaluateReadiness(mxInput());
    const ready4 = r.criteria.find((c) => c.id === "READY-4");
    expect(ready4?.summary).toBe(
      "1 reporter (need 2); no report shows the current policy in its policy-string (2026-03-06 to 2026-03-19).",
    );
    expect(ready4 && problemSummary(de, r, ready4)).toBe(
      "1 Berichtsabsender (2 nötig); kein Bericht zeigt die aktuelle Richtlinie in seinem policy-string (2026-03-06 bis 2026-03-19).",
    );
    const ready5 = r.criteria.find((c) => c.id === "READY-5");
    expect(ready5 && problemSummary(de, r, ready5)).toContain(
      "both.mx.example schlug an 2 der letzten 7 Tage fehl (1.203 × certificate-expired)",
    );
  });

  it("READY-4/5: counts in problems are grouped as lib groups them (en) and the German way", () => {
    const failures = { key: "problems.policyFailures", params: { n: 1200 } };
    expect(render(en, failures)).toBe("1,200 policy fetch/validation failures");
    expect(render(de, failures)).toBe("1.200 Fehler beim Abrufen oder Prüfen der Richtlinie");
    expect(render(en, { key: "problems.fewReporters", params: { n: 0 } })).toBe(
      "0 reporters (need 2)",
    );
  });

  it("every key of the readinessReasons namespace is reached", () => {
    const used = new Set(all.map((x) => x.ref.key));
    // problems.* are reached through the problem lists (their English is asserted above),
    // the reasons (stop.*, side.*, …) in reason-text.test.ts.
    const elsewhere = ["mxTable.", "problems.", ...REASON_GROUPS];
    const unused = messageKeys(MESSAGES.en.readinessReasons).filter(
      (k) => !used.has(k) && !elsewhere.some((p) => k.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });
});
