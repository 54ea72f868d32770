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
