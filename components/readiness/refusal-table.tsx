import { useLocale, useTranslations } from "next-intl";
import type { Readiness } from "@/lib/readiness/types";
import { formatUtcDay } from "@/lib/core/format-date";
import { formatCount } from "@/lib/core/format-number";
import { ScrollTable } from "@/components/ui/scroll-region";

/** Sessions that senders honouring the policy would have refused in enforce mode. */
export function RefusalTable({
  refusals,
  window,
}: {
  refusals: Readiness["refusals"];
  window: Readiness["window"];
}) {
  const locale = useLocale();
  const t = useTranslations("readinessTables.refusal");
  const total = refusals.reduce((s, r) => s + r.sessions, 0);
  const range = { from: formatUtcDay(window.from, locale), to: formatUtcDay(window.to, locale) };
  return (
    <div className="border-t border-slate-100 px-5 py-4 text-sm">
      <h3 className="font-medium">{t("title")}</h3>
      <p className="mt-1 text-slate-600">
        {total === 0 ? t("none", range) : t("some", { total, ...range })}
      </p>
      {refusals.length > 0 ? (
        <ScrollTable className="mt-2 w-full text-xs" label={t("label")}>
          <thead className="text-left text-slate-600">
            <tr>
              <th className="py-1">{t("day")}</th>
              <th>{t("host")}</th>
              <th>{t("resultTypes")}</th>
              <th className="text-right">{t("sessions")}</th>
            </tr>
          </thead>
          <tbody>
            {refusals.map((r) => (
              <tr key={`${r.day} ${r.mxHost}`} className="border-t border-slate-100">
                <td className="py-0.5 tabular-nums">{formatUtcDay(r.day, locale)}</td>
                <td className="font-mono">{r.mxHost || t("notAttributed")}</td>
                <td className="font-mono">
                  {Object.entries(r.byType)
                    .map(([type, n]) => t("typeCount", { type, count: String(n) }))
                    .join(", ")}
                </td>
                <td className="text-right tabular-nums">{formatCount(r.sessions, locale)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </div>
  );
}
