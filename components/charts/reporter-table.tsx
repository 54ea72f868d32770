import { useLocale, useTranslations } from "next-intl";
import { formatRate } from "@/lib/stats/aggregate";
import type { ReporterRow } from "@/lib/stats/types";
import { formatCount } from "@/lib/core/format-number";
import { ScrollTable } from "@/components/ui/scroll-region";

export function ReporterTable({ reporters }: { reporters: ReporterRow[] }) {
  const t = useTranslations("reports.reporters");
  const locale = useLocale();
  if (reporters.length === 0)
    return <p className="px-5 py-4 text-sm text-slate-600">{t("none")}</p>;
  return (
    <ScrollTable className="w-full text-sm" label={t("label")}>
      <thead className="bg-slate-50 text-left text-xs text-slate-600">
        <tr>
          <th className="px-5 py-2">{t("organisation")}</th>
          <th className="px-3 py-2 text-right">{t("daysReported")}</th>
          <th className="px-3 py-2 text-right">{t("sessions")}</th>
          <th className="px-3 py-2 text-right">{t("failed")}</th>
          <th className="px-5 py-2 text-right">{t("rate")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {reporters.map((r) => (
          <tr key={r.reporterKey}>
            <td className="px-5 py-2">
              {r.organization}
              <span className="ml-2 font-mono text-xs text-slate-500">{r.reporterKey}</span>
            </td>
            <td className="px-3 py-2 text-right tabular-nums">
              {formatCount(r.daysReported, locale)}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">
              {formatCount(r.successful + r.failed, locale)}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{formatCount(r.failed, locale)}</td>
            <td className="px-5 py-2 text-right tabular-nums">
              {formatRate(r.failureRate, locale)}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
