// The live configuration checker (spec §14). Entry points for the wizard, the CLI and tests.
import { collectReport } from "./report";
import { runCheck } from "./run-check";
import type { CheckEvent, CheckOptions, CheckReport } from "./types";

export { runCheck } from "./run-check";
export { diffReports, type ChangeKind, type ResultChange } from "./diff";
export { formatChangesText, formatReportText } from "./format-text";
export { summarize } from "./report";
export type * from "./types";

/** Runs the whole check and resolves with the report; `onEvent` streams progress. */
export function checkDomain(
  domain: string,
  options: CheckOptions & { onEvent?: (event: CheckEvent) => void } = {},
): Promise<CheckReport> {
  const { onEvent, ...rest } = options;
  return collectReport(runCheck(domain, rest), onEvent);
}
