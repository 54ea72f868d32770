// CHK-OPS-1..4 as real check ids (issue 14): the findings a scheduled check's watch recorded
// for a run, shown among that run's results on the check page.
import { compareResults, summarize } from "../checker/report";
import type { CheckReport, CheckResult } from "../checker/types";

export interface RunFinding {
  kind: string;
  subject: string;
  severity: string;
  title: string;
  detail: string;
  fix: string;
}

const isCheckId = (kind: string) => kind.startsWith("CHK-OPS-");

export function findingsAsResults(findings: readonly RunFinding[]): CheckResult[] {
  return findings
    .filter((f) => isCheckId(f.kind))
    .map((f) => ({
      id: f.kind,
      severity: f.severity === "error" ? "error" : "warning",
      title: f.title,
      evidence: f.detail,
      fix: f.fix,
      target: f.subject,
    }));
}

/** The report with the run's CHK-OPS findings among its results (sorted, summary recounted). */
export function withFindings(report: CheckReport, findings: readonly RunFinding[]): CheckReport {
  const extra = findingsAsResults(findings);
  if (extra.length === 0) return report;
  const results = [...report.results, ...extra].sort(compareResults);
  return { ...report, results, summary: summarize(results) };
}
