// CHK-OPS-1..4 as real check ids (issue 14): the findings a scheduled check's watch recorded
// for a run, shown among that run's results on the check page.
import { compareResults, summarize } from "../checker/report";
import type { CheckReport, CheckResult, CheckResultI18n } from "../checker/types";
import { parseTextRefs } from "../alerts/text-refs";

export interface RunFinding {
  kind: string;
  subject: string;
  severity: string;
  title: string;
  detail: string;
  fix: string;
  /** The texts' MessageRefs as stored (JSON), or null for rows stored before issue 16 §6. */
  i18n?: string | null;
}

const isCheckId = (kind: string) => kind.startsWith("CHK-OPS-");

export function findingsAsResults(findings: readonly RunFinding[]): CheckResult[] {
  return findings
    .filter((f) => isCheckId(f.kind))
    .map((f) => {
      const r: CheckResult = {
        id: f.kind,
        severity: f.severity === "error" ? "error" : "warning",
        title: f.title,
        evidence: f.detail,
        fix: f.fix,
        target: f.subject,
      };
      const i18n = parseI18n(f.i18n);
      return i18n ? { ...r, i18n } : r;
    });
}

/** The stored refs as a result's (`detail` is the evidence), or null (none stored, another
 * namespace, or unreadable: the English is shown then). */
function parseI18n(json: string | null | undefined): CheckResultI18n | null {
  const refs = parseTextRefs(json);
  if (!refs || refs.namespace !== "checks") return null;
  return { title: refs.title, evidence: refs.detail, fix: refs.fix };
}

/** The report with the run's CHK-OPS findings among its results (sorted, summary recounted). */
export function withFindings(report: CheckReport, findings: readonly RunFinding[]): CheckReport {
  const extra = findingsAsResults(findings);
  if (extra.length === 0) return report;
  const results = [...report.results, ...extra].sort(compareResults);
  return { ...report, results, summary: summarize(results) };
}
