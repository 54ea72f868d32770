import { useLocale, useTranslations } from "next-intl";
import { formatUtcDay, localizeDates } from "@/lib/core/format-date";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { mxReasonParams } from "@/lib/readiness/mx-verdict";
import type { Criterion, Readiness } from "@/lib/readiness/types";

/**
 * Issue 16 §6: the not-met summary of READY-4/READY-5 in the user's language: each problem
 * (readinessReasons "problems.*") translated, a blocking MX as its own verdict sentence
 * without the full stop, as lib writes the English (report-criteria.ts).
 */
export function useCriterionProblems(readiness: Readiness) {
  const t = useTranslations("readinessReasons");
  const locale = useLocale();
  const problem = (ref: MessageRef): string => {
    if (ref.key !== "problems.mx")
      return t(ref.key as Parameters<typeof t>[0], localizeDates(ref.params, locale));
    const m = readiness.mx.find((v) => v.host === ref.params?.host);
    if (!m) return String(ref.params?.host ?? "");
    return t(
      m.message.key as Parameters<typeof t>[0],
      localizeDates(mxReasonParams(m, locale), locale),
    ).replace(/\.$/, "");
  };
  return (problems: NonNullable<Criterion["problems"]>): string =>
    t("problemList", {
      problems: problems.list.map(problem).join("; "),
      from: formatUtcDay(problems.from, locale),
      to: formatUtcDay(problems.to, locale),
    });
}
