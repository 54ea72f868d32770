import type { ResultChange } from "./diff";
import type { CheckReport, CheckSeverity } from "./types";

const LABEL: Record<CheckSeverity, string> = {
  error: "ERROR",
  warning: "WARN ",
  untested: "UNTESTED",
  info: "info ",
  ok: "ok   ",
};

const indent = (text: string) =>
  text
    .split("\n")
    .map((l) => `      ${l}`)
    .join("\n");

/** The terminal report (`npm run check -- <domain>`): worst first, evidence and fix indented. */
export function formatReportText(report: CheckReport): string {
  const s = report.summary;
  const lines = [
    `MTA-STS check for ${report.domain}  (policy mode: ${report.mode ?? "none found"}, ${report.durationMs} ms)`,
    `${s.error} error(s), ${s.warning} warning(s), ${s.untested} untested, ${s.info} info, ${s.ok} ok`,
  ];
  if (report.deadlineHit)
    lines.push("The overall time limit was reached: some checks are untested.");
  lines.push("");
  for (const r of report.results) {
    lines.push(`${LABEL[r.severity]} ${r.id}${r.target ? ` [${r.target}]` : ""}: ${r.title}`);
    if (r.evidence) lines.push(indent(`seen: ${r.evidence}`));
    if (r.fix) lines.push(indent(`fix:  ${r.fix}`));
  }
  return lines.join("\n");
}

export function formatChangesText(changes: readonly ResultChange[]): string {
  if (changes.length === 0) return "No changes since the previous run.";
  return changes
    .map((c) => {
      const from = c.before ? c.before.severity : "-";
      const to = c.after ? c.after.severity : "-";
      const title = (c.after ?? c.before)?.title ?? "";
      return `${c.kind.padEnd(9)} ${c.id}${c.target ? ` [${c.target}]` : ""}: ${from} → ${to}  ${title}`;
    })
    .join("\n");
}
