import { useLocale, useTranslations } from "next-intl";
import { formatUtcDay } from "@/lib/core/format-date";
import type { MxFailures } from "@/lib/stats/types";
import type { BarSelection } from "./mx-failure-chart";
import { formatCount } from "@/lib/core/format-number";
import { ScrollTable } from "@/components/ui/scroll-region";

/** The numbers behind the MX charts, one row per day, MX and result type; each opens its details. */
export function FailureTable({
  mxFailures,
  onSelect,
}: {
  mxFailures: MxFailures[];
  onSelect: (s: BarSelection) => void;
}) {
  const t = useTranslations("reports.failureTable");
  const locale = useLocale();
  const rows = mxFailures.flatMap((m) =>
    m.days.flatMap((d) =>
      Object.entries(d.byType).map(([resultType, sessions]) => ({
        mx: m.mxHost,
        day: d.day,
        resultType,
        sessions,
      })),
    ),
  );
  rows.sort(
    (a, b) =>
      b.day.localeCompare(a.day) ||
      a.mx.localeCompare(b.mx) ||
      a.resultType.localeCompare(b.resultType),
  );
  const detail = (r: { sessions: number; resultType: string; day: string }) => ({
    count: formatCount(r.sessions, locale),
    type: r.resultType,
    day: formatUtcDay(r.day, locale),
  });
  return (
    <details className="px-5 py-3 text-sm">
      <summary className="cursor-pointer text-slate-700">
        {t("summary", { count: rows.length })}
      </summary>
      <ScrollTable className="mt-2 w-full" label={t("label")}>
        <thead className="text-left text-xs text-slate-600">
          <tr>
            <th className="py-1">{t("day")}</th>
            <th>{t("mxHost")}</th>
            <th>{t("resultType")}</th>
            <th className="text-right">{t("failedSessions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.day} ${r.mx} ${r.resultType}`}>
              <td className="py-0.5 tabular-nums">{formatUtcDay(r.day, locale)}</td>
              <td className="font-mono text-xs">{r.mx || t("notNamed")}</td>
              <td className="font-mono text-xs">{r.resultType}</td>
              <td className="text-right tabular-nums">
                <button
                  type="button"
                  className="text-brand-700 hover:underline"
                  aria-label={
                    r.mx ? t("details", { ...detail(r), mx: r.mx }) : t("detailsUnnamed", detail(r))
                  }
                  onClick={() => onSelect({ day: r.day, mx: r.mx, resultType: r.resultType })}
                >
                  {formatCount(r.sessions, locale)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </details>
  );
}
