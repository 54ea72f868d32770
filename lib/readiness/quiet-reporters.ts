import { describeLate } from "./completeness";
import type { OlderPolicyEntry } from "./policy-epochs";
import type { Coverage, Criterion, SideFailure } from "./types";

// Issue 15: what the coverage adds to the criteria' evidence. A quiet usual reporter's
// silence is never a clean week: READY-5 cannot be met while one is quiet.

const sideLine = (s: SideFailure): string =>
  `${s.day} ${s.organization}: ${s.sessions} × ${s.resultType} on ${s.mxHost ?? "an unnamed MX"}${s.reasonCode ? ` (${s.reasonCode})` : ""}: ${s.why}`;

/** Days whose only reports had zero sessions: no mail, so no coverage (issue 15 item 3). */
function zeroSessionDays(cov: Coverage): string[] {
  return cov.days.flatMap((day, i) => {
    const cells = cov.rows.map((r) => ({ org: r.organization, cell: r.cells[i] }));
    if (cells.some((c) => c.cell?.state === "reported" || c.cell?.state === "older-policy"))
      return [];
    const zero = cells.filter((c) => c.cell?.state === "zero-sessions").map((c) => c.org);
    return zero.length > 0
      ? [`${day}: only zero-session reports (${zero.join(", ")}): no sessions, so no coverage.`]
      : [];
  });
}

export function withCoverage(
  c: Criterion,
  cov: Coverage,
  sides: readonly SideFailure[],
  older: readonly OlderPolicyEntry[],
): Criterion {
  if (c.id === "READY-3") {
    const extra = [
      cov.lastComplete ? `Last complete day: ${cov.lastComplete}.` : "",
      ...cov.open.map(
        (o) =>
          `${o.day} is not judged yet: waiting for ${o.missing.join(", ")} (grace period ${cov.graceDays} days).`,
      ),
      ...cov.late.map(describeLate),
      ...zeroSessionDays(cov),
    ].filter(Boolean);
    return { ...c, evidence: [...c.evidence, ...extra] };
  }
  if (c.id === "READY-4" && older.length > 0) {
    const lines = older.map(
      (o) =>
        `${o.entry.day} ${o.entry.organization}: under policy ${o.policyId} (an older version senders may still cache): not evidence for the current policy.`,
    );
    return { ...c, evidence: [...c.evidence, ...lines] };
  }
  if (c.id !== "READY-5") return c;
  const evidence = [...c.evidence];
  for (const s of sides)
    if (s.side === "sender") evidence.push(`Sender side, does not block: ${sideLine(s)}.`);
    else if (s.side === "unknown") evidence.push(`Side unknown, blocks: ${sideLine(s)}.`);
  const quiet = cov.rows.filter((r) => r.quiet);
  if (quiet.length === 0) return { ...c, evidence };
  const names = quiet.map((r) => `${r.organization} (last report ${r.lastDay ?? "never"})`);
  const line = `${names.join(", ")} usually ${quiet.length === 1 ? "reports" : "report"} but sent nothing from ${cov.recent.from} to ${cov.recent.to}: silence is not a clean week`;
  evidence.push(`Quiet usual reporter: ${line}.`);
  // The sentence changes: its message no longer fits, the UI shows the English summary.
  if (c.status !== "met")
    return {
      ...c,
      summary: `${c.summary} ${line}.`,
      message: undefined,
      problems: undefined,
      evidence,
    };
  return {
    ...c,
    status: "unknown",
    summary: `${line}.`,
    message: undefined,
    problems: undefined,
    evidence,
  };
}
