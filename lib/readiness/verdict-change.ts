import { describeLate } from "./completeness";
import type { CriterionStatus, Readiness } from "./types";

// Issue 15 item 2: a late report re-opens its day, so a verdict already shown can change.
// It changes only with an explanation: which criteria moved, and the late reports (or
// new evidence) that moved them. lib/db/readiness/record-verdict.ts writes it to the audit.

export interface ShownVerdict {
  at: string;
  ready: boolean;
  statuses: Record<string, CriterionStatus>;
}

export interface VerdictChange {
  change: string;
  because: string[];
}

export const shownVerdict = (r: Readiness, at: Date): ShownVerdict => ({
  at: at.toISOString(),
  ready: r.ready,
  statuses: Object.fromEntries(r.criteria.map((c) => [c.id, c.status])),
});

const label = (s: CriterionStatus | undefined) => (s === "not-met" ? "not met" : (s ?? "none"));

/** What changed since the verdict last shown, and why; null when nothing did. */
export function verdictChange(before: ShownVerdict, r: Readiness): VerdictChange | null {
  const moved = r.criteria.filter((c) => before.statuses[c.id] !== c.status);
  if (moved.length === 0 && before.ready === r.ready) return null;
  const parts = moved.map((c) => `${c.id} ${label(before.statuses[c.id])} → ${label(c.status)}`);
  if (before.ready !== r.ready)
    parts.push(r.ready ? "now ready to enforce" : "no longer ready to enforce");
  const late = r.coverage.late.filter((l) => l.receivedAt > before.at).map(describeLate);
  return {
    change: parts.join("; "),
    because: [
      ...late,
      ...moved.map((c) => `${c.id}: ${c.summary}`),
      ...(late.length === 0 ? ["new reports, a new check or a policy change since then"] : []),
    ],
  };
}
