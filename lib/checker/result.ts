import type { Diagnostic } from "../core/diagnostic";
import { ct, type CheckText } from "./text";
import type {
  CheckResult,
  CheckResultI18n,
  CheckSeverity,
  PolicyMode,
  QuotedDiagnostic,
} from "./types";

/** A title, evidence or fix: a catalogue text (ct(), translatable) or raw data as is. */
export type ResultText = CheckText | string;

const plain = (t: ResultText): string => (typeof t === "string" ? t : t.text);

export function result(
  id: string,
  severity: CheckSeverity,
  title: ResultText,
  evidence: ResultText,
  fix: ResultText = "",
  target?: string,
): CheckResult {
  const i18n: CheckResultI18n = {};
  if (typeof title !== "string") i18n.title = title.ref;
  if (typeof evidence !== "string") i18n.evidence = evidence.ref;
  if (typeof fix !== "string") i18n.fix = fix.ref;
  const texts = { title: plain(title), evidence: plain(evidence), fix: plain(fix) };
  const r: CheckResult = { id, severity, ...texts };
  if (target !== undefined) r.target = target;
  if (Object.keys(i18n).length > 0) r.i18n = i18n;
  return r;
}

/**
 * §14 "mode-aware": a check listed as an error is only a warning while the policy is in
 * testing mode (mail still flows; reports show the failures). Without a policy, or in
 * enforce/none, the error stays an error: it blocks a safe move to enforce (READY-2).
 */
export const modeAware = (mode: PolicyMode | null): CheckSeverity =>
  mode === "testing" ? "warning" : "error";

/** Shown for a check that could not run because an earlier step failed. */
export const untested = (
  id: string,
  title: ResultText,
  why: ResultText,
  target?: string,
): CheckResult => result(id, "untested", title, why, "", target);

/** Diagnostics grouped under the check id each maps to (one result per id), in order. */
export function groupByCheck(
  diagnostics: readonly Diagnostic[],
  idOf: (d: Diagnostic) => string,
): Map<string, Diagnostic[]> {
  const byId = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const id = idOf(d);
    const list = byId.get(id);
    if (list) list.push(d);
    else byId.set(id, [d]);
  }
  return byId;
}

/** A quoted diagnostic's English: its message, after "line n: " where it has a line. */
const quotedText = (d: Diagnostic): string =>
  d.line === undefined
    ? d.message
    : ct("policy.atLine", { line: String(d.line), diagnostic: d.message }).text;

/**
 * A result whose fix is the parser's diagnostics, joined by a space (issue 16 §6): the English
 * as stored so far, and their refs (with their lines) for the check page to translate one by one.
 */
export function diagnosticsResult(
  id: string,
  title: ResultText,
  evidence: ResultText,
  list: readonly Diagnostic[],
  target?: string,
): CheckResult {
  const fix = list.map(quotedText).join(" ");
  const r = result(id, worstSeverity(list), title, evidence, fix, target);
  const refs: QuotedDiagnostic[] = list.flatMap((d) =>
    d.ref ? [d.line === undefined ? d.ref : { ...d.ref, line: d.line }] : [],
  );
  if (refs.length === list.length) r.i18n = { ...r.i18n, fixDiagnostics: refs };
  return r;
}

/** The severity of a group of diagnostics: its most severe one. */
export const worstSeverity = (list: readonly Diagnostic[]): Diagnostic["severity"] =>
  list.some((d) => d.severity === "error")
    ? "error"
    : list.some((d) => d.severity === "warning")
      ? "warning"
      : "info";

/** `r` with some of its texts replaced (their refs too; a plain string drops the old ref). */
export function withTexts(
  r: CheckResult,
  patch: { severity?: CheckSeverity; title?: ResultText; evidence?: ResultText; fix?: ResultText },
): CheckResult {
  const next = result(
    r.id,
    patch.severity ?? r.severity,
    patch.title ?? refText(r, "title"),
    patch.evidence ?? refText(r, "evidence"),
    patch.fix ?? refText(r, "fix"),
    r.target,
  );
  const fixDiagnostics = patch.fix === undefined ? r.i18n?.fixDiagnostics : undefined;
  if (fixDiagnostics) next.i18n = { ...next.i18n, fixDiagnostics };
  return r.address === undefined ? next : { ...next, address: r.address };
}

const refText = (r: CheckResult, part: "title" | "evidence" | "fix"): ResultText => {
  const ref = r.i18n?.[part];
  return ref ? { text: r[part], ref } : r[part];
};
