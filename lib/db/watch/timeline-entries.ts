import type { CheckSummary } from "@/lib/checker/types";
import type { TimelineEntry } from "@/lib/timeline/types";

// Rows of the existing tables as timeline entries (issue 14).

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function checkEntry(r: {
  id: string;
  startedAt: Date;
  status: string;
  summary: string;
  actor: string;
}): TimelineEntry {
  let s: Partial<CheckSummary> = {};
  try {
    s = JSON.parse(r.summary) as Partial<CheckSummary>;
  } catch {
    s = {};
  }
  const errors = s.error ?? 0;
  const warnings = s.warning ?? 0;
  const base = {
    key: `check:${r.id}`,
    at: r.startedAt.toISOString(),
    kind: "check" as const,
    ref: null,
  };
  const by = r.actor === "scheduler" ? "scheduled" : `by ${r.actor}`;
  if (r.status !== "done")
    return {
      ...base,
      severity: r.status === "failed" ? "error" : "info",
      title: r.status === "failed" ? "Check failed" : "Check running",
      detail: `Configuration check (${by}).`,
    };
  return {
    ...base,
    severity: errors > 0 ? "error" : warnings > 0 ? "warning" : "ok",
    title: `Check: ${plural(errors, "error")}, ${plural(warnings, "warning")}`,
    detail: `Configuration check (${by}): ${s.ok ?? 0} ok, ${s.info ?? 0} info, ${s.untested ?? 0} untested.`,
  };
}

interface FindingRow {
  id: string;
  kind: string;
  subject: string;
  severity: string;
  title: string;
  detail: string;
  fix: string;
  openedAt: Date;
  resolvedAt: Date | null;
}

export function findingEntries(rows: FindingRow[], which: "opened" | "resolved"): TimelineEntry[] {
  return rows.flatMap((f) => {
    const at = which === "opened" ? f.openedAt : f.resolvedAt;
    if (!at) return [];
    return [
      {
        key: `finding-${which}:${f.id}`,
        at: at.toISOString(),
        kind: which === "opened" ? ("finding-opened" as const) : ("finding-resolved" as const),
        ref: f.kind,
        severity: which === "opened" ? (f.severity === "error" ? "error" : "warning") : "ok",
        title: which === "opened" ? f.title : `Resolved: ${f.title}`,
        detail: which === "opened" ? `${f.detail} ${f.fix}` : `No longer found (${f.subject}).`,
      },
    ];
  });
}

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

export function auditEntry(e: {
  id: number;
  at: Date;
  actor: string;
  action: string;
  details: string;
}): TimelineEntry {
  let d: Record<string, unknown> = {};
  try {
    d = JSON.parse(e.details) as Record<string, unknown>;
  } catch {
    d = {};
  }
  const base = { key: `audit:${String(e.id).padStart(12, "0")}`, at: e.at.toISOString() };
  if (e.action === "alert.raised")
    return {
      ...base,
      kind: "alert",
      ref: text(d.kind),
      severity: "warning",
      title: `Alert: ${text(d.title) ?? text(d.kind) ?? "raised"}`,
      detail: [text(d.subject), text(d.detail)].filter(Boolean).join(": "),
    };
  const reason = e.action.replace(/^policy\./, "");
  const policy = `policy id ${text(d.policyId) ?? "?"}, mode ${text(d.mode) ?? "?"}, max_age ${typeof d.maxAge === "number" ? d.maxAge : "?"}`;
  const MODE: Record<string, string> = {
    enforce: "Switched to enforce",
    rollback: "Rolled back to testing",
    removal: "Removal started (mode none)",
  };
  const title = MODE[reason];
  return title
    ? {
        ...base,
        kind: "mode",
        ref: null,
        severity: "info",
        title,
        detail: `${policy}, by ${e.actor}.`,
      }
    : {
        ...base,
        kind: "policy",
        ref: null,
        severity: "info",
        title: reason === "create" ? "Policy created" : "Policy edited",
        detail: `${policy}, by ${e.actor}.`,
      };
}
