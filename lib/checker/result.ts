import type { Diagnostic } from "../core/diagnostic";
import type { CheckResult, CheckSeverity, PolicyMode } from "./types";

export function result(
  id: string,
  severity: CheckSeverity,
  title: string,
  evidence: string,
  fix = "",
  target?: string,
): CheckResult {
  return target === undefined
    ? { id, severity, title, evidence, fix }
    : { id, severity, title, evidence, fix, target };
}

/**
 * §14 "mode-aware": a check listed as an error is only a warning while the policy is in
 * testing mode (mail still flows; reports show the failures). Without a policy, or in
 * enforce/none, the error stays an error: it blocks a safe move to enforce (READY-2).
 */
export const modeAware = (mode: PolicyMode | null): CheckSeverity =>
  mode === "testing" ? "warning" : "error";

/** Shown for a check that could not run because an earlier step failed. */
export const untested = (id: string, title: string, why: string, target?: string): CheckResult =>
  result(id, "untested", title, why, "", target);

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

/** The severity of a group of diagnostics: its most severe one. */
export const worstSeverity = (list: readonly Diagnostic[]): Diagnostic["severity"] =>
  list.some((d) => d.severity === "error")
    ? "error"
    : list.some((d) => d.severity === "warning")
      ? "warning"
      : "info";
