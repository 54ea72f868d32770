"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { queryKeys } from "@/lib/query/keys";
import type { FailureDetails } from "@/lib/stats/types";
import type { BarSelection } from "./mx-failure-chart";
import { formatUtcDay } from "@/lib/core/format-date";
import { formatCount } from "@/lib/core/format-number";
import { ScrollTable } from "@/components/ui/scroll-region";

async function fetchDetails(
  domain: string,
  s: BarSelection,
  failed: (status: number) => string,
): Promise<FailureDetails> {
  const q = new URLSearchParams({ day: s.day, mx: s.mx, resultType: s.resultType });
  const res = await fetch(`/api/domains/${encodeURIComponent(domain)}/failures?${q}`);
  if (!res.ok) throw new Error(failed(res.status));
  return (await res.json()) as FailureDetails;
}

const cell = (v: string | null) => v ?? "—";

/** The failure-detail rows behind one bar. Every string from a report is rendered as text. */
export function FailureDrilldown({
  domain,
  selection,
  onClose,
}: {
  domain: string;
  selection: BarSelection;
  onClose: () => void;
}) {
  const t = useTranslations("reports.drilldown");
  const locale = useLocale();
  const q = useQuery({
    queryKey: queryKeys.failureDetails(domain, selection.day, selection.mx, selection.resultType),
    queryFn: () =>
      fetchDetails(domain, selection, (status) => t("loadError", { status: String(status) })),
  });
  const what = { type: selection.resultType, day: formatUtcDay(selection.day, locale) };
  const named = { ...what, mx: selection.mx };
  const heading = q.data
    ? selection.mx
      ? t("headingCount", { ...named, sessions: q.data.sessions })
      : t("headingUnnamedCount", { ...what, sessions: q.data.sessions })
    : selection.mx
      ? t("heading", named)
      : t("headingUnnamed", what);
  return (
    <section
      aria-label={t("region")}
      className="rounded-md border border-slate-200 bg-slate-50 p-4"
    >
      <div className="flex items-start justify-between gap-3">
        <h3 className="text-sm font-semibold">{heading}</h3>
        <Button size="icon" variant="ghost" aria-label={t("close")} onClick={onClose}>
          <X />
        </Button>
      </div>
      {q.isPending ? <p className="text-sm text-slate-600">{t("loading")}</p> : null}
      {q.error ? <p className="text-sm text-red-700">{q.error.message}</p> : null}
      {q.data ? (
        <div className="mt-2">
          <ScrollTable className="w-full text-xs" label={t("rows")}>
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-1 pr-3">{t("reporter")}</th>
                <th className="pr-3">{t("sendingIp")}</th>
                <th className="pr-3">{t("receivingIp")}</th>
                <th className="pr-3">{t("helo")}</th>
                <th className="pr-3">{t("reasonCode")}</th>
                <th className="pr-3">{t("additionalInfo")}</th>
                <th className="text-right">{t("sessions")}</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {q.data.rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="py-1 pr-3 font-sans">{r.reporter}</td>
                  <td className="pr-3">{cell(r.sendingMtaIp)}</td>
                  <td className="pr-3">{cell(r.receivingIp)}</td>
                  <td className="pr-3">{cell(r.receivingMxHelo)}</td>
                  <td className="pr-3 break-all">{cell(r.failureReasonCode)}</td>
                  <td className="pr-3 break-all">{cell(r.additionalInformation)}</td>
                  <td className="text-right tabular-nums">
                    {formatCount(r.failedSessionCount, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {q.data.truncated ? (
            <p className="mt-2 text-xs text-slate-600">
              {t("truncated", { count: q.data.rows.length })}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
