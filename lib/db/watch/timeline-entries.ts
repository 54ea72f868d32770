import { parseTextRefs, titleRefOf } from "@/lib/alerts/text-refs";
import type { CheckSummary } from "@/lib/checker/types";
import type { TimelineEntry } from "@/lib/timeline/types";

// Rows of the existing tables as timeline entries (issue 14), each with its English text
// and the same as MessageRefs (namespace timeline.entry; a finding's or alert's own texts
// from their stored refs) for the German page (issue 16 §6).

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
  const who = { scheduled: r.actor === "scheduler" ? "yes" : "no", actor: r.actor };
  if (r.status !== "done")
    return {
      ...base,
      severity: r.status === "failed" ? "error" : "info",
      title: r.status === "failed" ? "Check failed" : "Check running",
      detail: `Configuration check (${by}).`,
      text: {
        title: { key: r.status === "failed" ? "checkFailed" : "checkRunning" },
        detail: { key: "checkBusy", params: who },
      },
    };
  const counts = {
    ok: String(s.ok ?? 0),
    info: String(s.info ?? 0),
    untested: String(s.untested ?? 0),
  };
  return {
    ...base,
    severity: errors > 0 ? "error" : warnings > 0 ? "warning" : "ok",
    title: `Check: ${plural(errors, "error")}, ${plural(warnings, "warning")}`,
    detail: `Configuration check (${by}): ${counts.ok} ok, ${counts.info} info, ${counts.untested} untested.`,
    text: {
      title: { key: "checkTitle", params: { errors, warnings } },
      detail: { key: "checkDetail", params: { ...who, ...counts } },
    },
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
  i18n: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
}

export function findingEntries(rows: FindingRow[], which: "opened" | "resolved"): TimelineEntry[] {
  return rows.flatMap((f) => {
    const at = which === "opened" ? f.openedAt : f.resolvedAt;
    if (!at) return [];
    const refs = parseTextRefs(f.i18n);
    return [
      {
        key: `finding-${which}:${f.id}`,
        at: at.toISOString(),
        kind: which === "opened" ? ("finding-opened" as const) : ("finding-resolved" as const),
        ref: f.kind,
        severity: which === "opened" ? (f.severity === "error" ? "error" : "warning") : "ok",
        title: which === "opened" ? f.title : `Resolved: ${f.title}`,
        detail: which === "opened" ? `${f.detail} ${f.fix}` : `No longer found (${f.subject}).`,
        ...(which === "resolved"
          ? {
              text: {
                title: { key: "resolved", params: { title: f.title } },
                detail: { key: "noLongerFound", params: { subject: f.subject } },
              },
            }
          : {}),
        ...(refs
          ? {
              source: which === "opened" ? refs : { namespace: refs.namespace, title: refs.title },
            }
          : {}),
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
  if (e.action === "alert.raised") {
    const title = text(d.title) ?? text(d.kind) ?? "raised";
    const source = titleRefOf(d.i18n);
    return {
      ...base,
      kind: "alert",
      ref: text(d.kind),
      severity: "warning",
      title: `Alert: ${title}`,
      detail: [text(d.subject), text(d.detail)].filter(Boolean).join(": "),
      text: { title: { key: "alert", params: { title } } },
      ...(source ? { source } : {}),
    };
  }
  const reason = e.action.replace(/^policy\./, "");
  const params = {
    id: text(d.policyId) ?? "?",
    mode: text(d.mode) ?? "?",
    maxAge: typeof d.maxAge === "number" ? String(d.maxAge) : "?",
    actor: e.actor,
  };
  const policy = `policy id ${params.id}, mode ${params.mode}, max_age ${params.maxAge}`;
  const detail = { key: "policyDetail", params };
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
        text: { title: { key: reason }, detail },
      }
    : {
        ...base,
        kind: "policy",
        ref: null,
        severity: "info",
        title: reason === "create" ? "Policy created" : "Policy edited",
        detail: `${policy}, by ${e.actor}.`,
        text: { title: { key: reason === "create" ? "create" : "edit" }, detail },
      };
}
