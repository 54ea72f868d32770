import { CheckCircle2, HelpCircle, XCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useCriterionProblems } from "./criterion-problems";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatUtcDay } from "@/lib/core/format-date";
import type { Criterion, CriterionStatus, Readiness, ReasonedRef } from "@/lib/readiness/types";
import type { VerdictChange } from "@/lib/readiness/verdict-change";
import { CoverageMatrix } from "./coverage-matrix";
import { MxTable } from "./mx-table";
import { useReasonText } from "./reason-text";
import { RefusalTable } from "./refusal-table";
import { SideTable } from "./side-table";

const STATUS = {
  met: { tone: "good", Icon: CheckCircle2 },
  "not-met": { tone: "bad", Icon: XCircle },
  unknown: { tone: "warn", Icon: HelpCircle },
} as const satisfies Record<CriterionStatus, unknown>;

/** ICU select keys are identifiers: "not-met" becomes "notMet". */
const selector = (s: CriterionStatus) => (s === "not-met" ? "notMet" : s);

/** Spec §15: every READY criterion on its own, with the evidence behind its status. */
export function ReadinessPanel({
  readiness,
  verdictChange = null,
}: {
  readiness: Readiness;
  verdictChange?: (VerdictChange & { at: string }) | null;
}) {
  const t = useTranslations("readiness");
  const locale = useLocale();
  const problems = useCriterionProblems(readiness);
  const te = useTranslations("readinessEvidence");
  const reasons = useReasonText();
  // Issue 16 §6: each evidence line from its ref in the user's language (the reasons it
  // quotes too), else as stored.
  const evidence = (c: Criterion): string[] =>
    c.evidence.flatMap((text, i) => {
      if (!text) return [];
      const ref = c.evidenceRefs?.[i];
      const key = ref?.key as Parameters<typeof te>[0] | undefined;
      return [ref && key && te.has(key) ? te(key, reasons.params(ref)) : text];
    });
  const sentence = (ref: ReasonedRef): string =>
    t(`summary.${ref.key}` as Parameters<typeof t>[0], reasons.params(ref));
  // The summary from its message or problem list (and the sentence lib added after it), else
  // the stored English.
  const summary = (c: Criterion): string => {
    const own = c.problems ? problems(c.problems) : c.message ? sentence(c.message) : null;
    if (own === null) return c.summary;
    return c.summaryMore ? `${own} ${sentence(c.summaryMore)}` : own;
  };
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={t("intro", {
          met: readiness.metCount,
          total: readiness.criteria.length,
          from: formatUtcDay(readiness.window.from, locale),
          to: formatUtcDay(readiness.window.to, locale),
          weekFrom: formatUtcDay(readiness.lastWeek.from, locale),
          weekTo: formatUtcDay(readiness.lastWeek.to, locale),
        })}
      />
      <ul className="divide-y divide-slate-100" aria-label={t("list")}>
        {readiness.criteria.map((c) => {
          const s = STATUS[c.status];
          return (
            <li
              key={c.id}
              className="px-5 py-3"
              aria-label={t("itemLabel", { id: c.id, status: selector(c.status) })}
            >
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={s.tone}>
                  <s.Icon aria-hidden />
                  {t("status", { status: selector(c.status) })}
                </Badge>
                <span className="font-mono text-xs text-slate-500">{c.id}</span>
                <span className="text-sm font-medium">{t(`criteria.${c.id}`)}</span>
              </div>
              <p className="mt-1 text-sm text-slate-700">{summary(c)}</p>
              {evidence(c).length > 0 ? (
                <details className="mt-1 text-xs text-slate-600">
                  <summary className="cursor-pointer">{t("evidence")}</summary>
                  <ul className="mt-1 list-disc space-y-0.5 pl-5">
                    {evidence(c).map((e, i) => (
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
