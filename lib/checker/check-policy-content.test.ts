import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../i18n/messages";
import { checkPolicyContent } from "./check-policy-content";
import { auditRefs } from "./ref-audit";
import type { CheckResult } from "./types";

// Issue 16 §6: CHK-POL-* fixes quote the policy parser's diagnostics with their refs, each
// after its line, so the check page shows them in German as components/check/result-text.ts
// does: each diagnostic from the `diagnostics` namespace, inside `checks` "policy.atLine".

const run = (body: string) =>
  checkPolicyContent(Buffer.from(body), "example.com", "mta-sts.example.com").results;
const pick = (rs: CheckResult[], id: string) => rs.find((r) => r.id === id) as CheckResult;

/** The fix as the check page shows it in German (result-text.ts, same steps). */
function germanFix(r: CheckResult): string {
  const opts = { locale: "de", messages: MESSAGES.de } as const;
  const td = createTranslator({ ...opts, namespace: "diagnostics" });
  const t = createTranslator({ ...opts, namespace: "checks" });
  return (r.i18n?.fixDiagnostics ?? [])
    .map((d) => {
      const text = td(d.key as Parameters<typeof td>[0], d.params as never);
      return d.line === undefined
        ? text
        : t("policy.atLine", { line: String(d.line), diagnostic: text });
    })
    .join(" ");
}

describe("CHK-POL-* fixes quote the diagnostics translatably (issue 16 §6)", () => {
  it("a diagnostic with a line: the English as before, and German after „Zeile n:“", () => {
    const rs = run("version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 600\n");
    const r = pick(rs, "CHK-POL-4");
    expect(r.fix).toBe(
      "line 4: max_age 600 is under one day: senders barely cache the policy, so it gives weak protection. Use at least 86400.",
    );
    expect(r.i18n?.fixDiagnostics).toEqual([
      { key: "STS-POL-8.underOneDay", params: { seconds: "600" }, line: 4 },
    ]);
    expect(germanFix(r)).toBe(
      "Zeile 4: max_age 600 ist kürzer als ein Tag: Absender speichern die Richtlinie kaum zwischen, sie schützt also wenig. Verwenden Sie mindestens 86400.",
    );
    expect(auditRefs(rs).problems).toEqual([]);
  });

  it("several diagnostics, one without a line: joined by a space in both languages", () => {
    const rs = run("version: STSv2\nmode: testing\nmax_age: 86400\n");
    const r = pick(rs, "CHK-POL-1");
    expect(r.fix).toBe(
      'line 1: The version must be exactly "STSv1", not "STSv2". A policy in testing mode needs at least one "mx:" line naming your MX hosts.',
    );
    expect(r.i18n?.fixDiagnostics).toEqual([
      { key: "STS-POL-4.badVersion", params: { value: "STSv2" }, line: 1 },
      { key: "STS-POL-5.noMx", params: { mode: "testing" } },
    ]);
    expect(germanFix(r)).toBe(
      "Zeile 1: Die Version muss genau „STSv1“ lauten, nicht „STSv2“. Eine Richtlinie im Modus testing braucht mindestens eine „mx:“-Zeile, die Ihre MX-Hosts nennt.",
    );
    expect(auditRefs(rs).problems).toEqual([]);
    // A stored fix that differs from its diagnostics' English (line included) is caught.
    expect(auditRefs([{ ...r, fix: r.fix.replace("line 1", "line 2") }]).problems).toHaveLength(1);
  });
});
