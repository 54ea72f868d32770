import { useLocale, useTranslations } from "next-intl";
import { formatUtcDay } from "@/lib/core/format-date";
import { formatCount } from "@/lib/core/format-number";
import type { DailySessions } from "@/lib/stats/types";
import { ScrollTable } from "@/components/ui/scroll-region";

/** A chart with its one-line summary as the caption, and its table alternative below it. */
export function ChartFigure({
  summary,
  table,
  children,
}: {
  summary: string;
  table?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-700">{summary}</figcaption>
      {children}
      {table}
    </figure>
  );
}

/** The daily chart's numbers, behind a disclosure (issue 16 §3: a table for every chart). */
export function DailyTable({ daily }: { daily: readonly DailySessions[] }) {
  const t = useTranslations("reports.charts");
  const locale = useLocale();
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700">{t("showTable")}</summary>
      <ScrollTable className="mt-2 w-full" label={t("dailyTable")}>
        <thead className="text-left text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1">
              {t("day")}
            </th>
            <th scope="col" className="text-right">
              {t("successful")}
            </th>
            <th scope="col" className="text-right">
              {t("failed")}
            </th>
          </tr>
        </thead>
        <tbody>
          {daily.map((d) => (
            <tr key={d.day} className="border-t border-slate-100">
              <td className="py-0.5 tabular-nums">{formatUtcDay(d.day, locale)}</td>
              <td className="text-right tabular-nums">{formatCount(d.successful, locale)}</td>
              <td className="text-right tabular-nums">{formatCount(d.failed, locale)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </details>
  );
}
