import type {
  CheckEvent,
  CheckReport,
  CheckResult,
  CheckSeverity,
  CheckSummary,
  PolicyMode,
} from "./types";

const ORDER: CheckSeverity[] = ["error", "warning", "untested", "info", "ok"];

/** Sort key: by severity, then id (numeric part), then target, then address. */
export function compareResults(a: CheckResult, b: CheckResult): number {
  const bySeverity = ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity);
  if (bySeverity !== 0) return bySeverity;
  const byId = a.id.localeCompare(b.id, "en", { numeric: true });
  if (byId !== 0) return byId;
  const byTarget = (a.target ?? "").localeCompare(b.target ?? "");
  return byTarget !== 0 ? byTarget : (a.address ?? "").localeCompare(b.address ?? "");
}

export function summarize(results: readonly CheckResult[]): CheckSummary {
  const summary: CheckSummary = { error: 0, warning: 0, info: 0, ok: 0, untested: 0 };
  for (const r of results) summary[r.severity] += 1;
  return summary;
}

export function buildReport(
  domain: string,
  startedAt: number,
  finishedAt: number,
  mode: PolicyMode | null,
  deadlineHit: boolean,
  results: readonly CheckResult[],
): CheckReport {
  return {
    domain,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    durationMs: finishedAt - startedAt,
    mode,
    deadlineHit,
    results: [...results].sort(compareResults),
    summary: summarize(results),
  };
}

/** Drains an event stream into its final report; `onEvent` sees every event as it comes. */
export async function collectReport(
  events: AsyncIterable<CheckEvent>,
  onEvent?: (event: CheckEvent) => void,
): Promise<CheckReport> {
  let report: CheckReport | null = null;
  for await (const event of events) {
    onEvent?.(event);
    if (event.type === "done") report = event.report;
  }
  if (report === null) throw new Error("the check ended without a report");
  return report;
}
