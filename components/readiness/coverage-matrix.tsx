import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatUtcDay, formatUtcDayMonth, formatUtcMinute } from "@/lib/core/format-date";
import { formatCount } from "@/lib/core/format-number";
import type { Coverage, CoverageCell } from "@/lib/readiness/types";
import type { VerdictChange } from "@/lib/readiness/verdict-change";
import { ScrollRegion } from "@/components/ui/scroll-region";

// Issue 15 items 1–3: reporters × days. No report is not the same as no failure: a usual
// reporter gone quiet is flagged; the verdict judges complete days only.

const CELL = {
  reported: "bg-emerald-50",
  "older-policy": "bg-amber-50",
  "zero-sessions": "bg-slate-50",
  none: "",
} as const;

type CoverageT = ReturnType<typeof useTranslations<"readiness.coverage">>;

function cellText(t: CoverageT, locale: "en" | "de", c: CoverageCell): string {
  if (c.state === "none") return "—";
  if (c.state === "zero-sessions") return t("zero");
  const sessions = formatCount(c.sessions, locale);
  return c.failed > 0
    ? t("cellFailed", { sessions, failed: formatCount(c.failed, locale) })
    : t("cell", { sessions });
}

export function CoverageMatrix({
  coverage,
  verdictChange,
}: {
  coverage: Coverage;
  verdictChange?: (VerdictChange & { at: string }) | null;
}) {
  const t = useTranslations("readiness.coverage");
  const locale = useLocale();
  return (
    <div className="border-t border-slate-100 px-5 py-4 text-sm" data-testid="coverage">
      <h3 className="font-medium">{t("title")}</h3>
      <p className="mt-1 text-slate-600">
        {t.rich("lastComplete", {
          day: coverage.lastComplete ? formatUtcDay(coverage.lastComplete, locale) : t("noneYet"),
          grace: coverage.graceDays,
          mono: (chunks) => (
            <span className="font-mono" data-testid="last-complete-day">
              {chunks}
            </span>
          ),
        })}
      </p>
      {coverage.open.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-slate-700" aria-label={t("open")}>
          {coverage.open.map((o) => (
            <li key={o.day}>
              {o.missing.length > 0
                ? t("waiting", {
                    day: formatUtcDay(o.day, locale),
                    reporters: o.missing.join(", "),
                  })
                : t("afterBefore", { day: formatUtcDay(o.day, locale) })}
            </li>
          ))}
        </ul>
      ) : null}
      {verdictChange ? (
        <div className="mt-2 rounded bg-amber-50 px-3 py-2" data-testid="verdict-change">
          <p className="font-medium">
            {t("verdictChanged", {
              time: formatUtcMinute(verdictChange.at, locale),
              change: verdictChange.change,
            })}
          </p>
          <ul className="list-disc pl-5 text-xs">
            {verdictChange.because.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ScrollRegion label={t("title")} className="mt-2">
        <table className="w-full text-xs" aria-label={t("title")}>
          <thead className="text-left text-slate-600">
            <tr>
              <th className="py-1 pr-2">{t("reporter")}</th>
              {coverage.days.map((d) => (
                <th key={d} className="px-1 font-mono font-normal" title={formatUtcDay(d, locale)}>
                  {formatUtcDayMonth(d, locale)}
                  {coverage.lastComplete !== null && d > coverage.lastComplete ? "*" : ""}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.rows.map((r) => (
              <tr
                key={r.reporterKey}
                className="border-t border-slate-100 align-top"
                data-testid="coverage-row"
                data-reporter={r.reporterKey}
                data-quiet={r.quiet ? "yes" : "no"}
              >
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  <span className="block">{r.organization}</span>
                  {r.quiet ? (
                    <Badge tone="bad">
                      {t("quiet", { day: r.lastDay ? formatUtcDay(r.lastDay, locale) : "—" })}
                    </Badge>
                  ) : r.usual ? (
                    <Badge tone="good">{t("usual")}</Badge>
                  ) : (
                    <Badge>{t("occasional")}</Badge>
                  )}
                </th>
                {r.cells.map((c) => (
                  <td
                    key={c.day}
                    className={`px-1 font-mono tabular-nums ${CELL[c.state]}`}
                    data-day={c.day}
                    data-state={c.state}
                  >
                    {cellText(t, locale, c)}
                    {c.note ? <span className="block text-amber-800">{c.note}</span> : null}
                    {c.mxHosts.length > 0 ? (
                      <span className="block text-red-700">
                        {c.mxHosts.map((h) => h || t("mxNotNamed")).join(", ")}
                      </span>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="mt-1 text-xs text-slate-500">{t("legend")}</p>
    </div>
  );
}
