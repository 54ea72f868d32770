import { CheckCircle2, HelpCircle, XCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { CriterionStatus, Readiness } from "@/lib/readiness/types";
import type { VerdictChange } from "@/lib/readiness/verdict-change";
import { CoverageMatrix } from "./coverage-matrix";
import { MxTable } from "./mx-table";
import { RefusalTable } from "./refusal-table";
import { SideTable } from "./side-table";

const STATUS = {
  met: { tone: "good", label: "met", Icon: CheckCircle2 },
  "not-met": { tone: "bad", label: "not met", Icon: XCircle },
  unknown: { tone: "warn", label: "unknown", Icon: HelpCircle },
} as const satisfies Record<CriterionStatus, unknown>;

/** Spec §15: every READY criterion on its own, with the evidence behind its status. */
export function ReadinessPanel({
  readiness,
  verdictChange = null,
}: {
  readiness: Readiness;
  verdictChange?: (VerdictChange & { at: string }) | null;
}) {
  return (
    <Card>
      <CardHeader
        title="Ready to enforce?"
        description={`${readiness.metCount} of ${readiness.criteria.length} criteria met. Reports from ${readiness.window.from} to ${readiness.window.to}; the last week is ${readiness.lastWeek.from} to ${readiness.lastWeek.to}.`}
      />
      <ul className="divide-y divide-slate-100" aria-label="Readiness criteria">
        {readiness.criteria.map((c) => {
          const s = STATUS[c.status];
          return (
            <li key={c.id} className="px-5 py-3" aria-label={`${c.id} ${s.label}`}>
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={s.tone}>
                  <s.Icon aria-hidden />
                  {s.label}
                </Badge>
                <span className="font-mono text-xs text-slate-500">{c.id}</span>
                <span className="text-sm font-medium">{c.title}</span>
              </div>
              <p className="mt-1 text-sm text-slate-700">{c.summary}</p>
              {c.evidence.filter(Boolean).length > 0 ? (
                <details className="mt-1 text-xs text-slate-600">
                  <summary className="cursor-pointer">Evidence</summary>
                  <ul className="mt-1 list-disc space-y-0.5 pl-5">
                    {c.evidence.filter(Boolean).map((e, i) => (
                      <li key={i} className="break-words">
                        {e}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      <CoverageMatrix coverage={readiness.coverage} verdictChange={verdictChange} />
      <MxTable mx={readiness.mx} window={readiness.window} />
      <SideTable sides={readiness.sides} />
      <RefusalTable refusals={readiness.refusals} window={readiness.window} />
    </Card>
  );
}
