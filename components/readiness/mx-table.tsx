import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Locale } from "@/lib/i18n/locale";
import type { MxVerdict, Readiness } from "@/lib/readiness/types";
import { mxReasonParams } from "@/lib/readiness/mx-verdict";
import { formatUtcDay, localizeDates } from "@/lib/core/format-date";
import { formatCount } from "@/lib/core/format-number";
import { ScrollTable } from "@/components/ui/scroll-region";

// Issue #12 item 4: a verdict per MX. Every MX in the policy or named in a report, with
// its failed sessions per day by result type; a row that blocks enforce says why.

const perDay = (m: MxVerdict, locale: Locale): string =>
  m.days
    .map(
      (d) =>
        `${formatUtcDay(d.day, locale)}: ${Object.entries(d.byType)
          .map(([t, n]) => `${formatCount(n, locale)} ${t}`)
          .join(", ")}`,
    )
    .join("; ");

export function MxTable({ mx, window }: { mx: readonly MxVerdict[]; window: Readiness["window"] }) {
  const locale = useLocale();
  const t = useTranslations("readinessReasons.mxTable");
  const tr = useTranslations("readinessReasons");
  return (
    <div className="border-t border-slate-100 px-5 py-4 text-sm">
      <h3 className="font-medium">{t("title")}</h3>
      <p className="mt-1 text-slate-600">
        {t("intro", {
          from: formatUtcDay(window.from, locale),
          to: formatUtcDay(window.to, locale),
        })}
      </p>
      <ScrollTable className="mt-2 w-full text-xs" label={t("label")}>
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1">{t("colHost")}</th>
            <th>{t("colPolicy")}</th>
            <th>{t("colPerDay")}</th>
            <th className="text-right">{t("colDays")}</th>
            <th>{t("colLast")}</th>
            <th>{t("colVerdict")}</th>
          </tr>
        </thead>
        <tbody>
          {mx.map((m) => (
            <tr
              key={m.host || "(not attributed)"}
              className="border-t border-slate-100 align-top"
              data-testid="mx-row"
              data-host={m.host || "not attributed"}
              data-blocking={m.blocking ? "yes" : "no"}
            >
              <td className="py-1 font-mono">{m.host || t("notAttributed")}</td>
              <td className="font-mono">
                {m.host === ""
                  ? "—"
                  : (m.pattern ?? <span className="text-red-700">{t("notCovered")}</span>)}
              </td>
              <td className="font-mono break-words">{perDay(m, locale) || t("none")}</td>
              <td className="text-right tabular-nums">{formatCount(m.daysWithFailures, locale)}</td>
              <td className="tabular-nums">
                {m.lastFailure ? formatUtcDay(m.lastFailure, locale) : "—"}
              </td>
              <td>
                <Badge tone={m.blocking ? "bad" : m.host === "" ? "neutral" : "good"}>
                  {m.blocking ? t("blocks") : m.host === "" ? t("domainWide") : t("ok")}
                </Badge>
                <p className="mt-0.5 text-slate-700" data-testid="mx-reason">
                  {tr(
                    m.message.key as Parameters<typeof tr>[0],
                    localizeDates(mxReasonParams(m, locale), locale),
                  )}
                </p>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
