"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { QuarantinedReporter } from "@/lib/db/reports/quarantine";
import { useAcceptReporter, useQuarantine } from "@/lib/query/quarantine";
import { ScrollTable } from "@/components/ui/scroll-region";
import { formatCount } from "@/lib/core/format-number";
import { formatUtcMinute } from "@/lib/core/format-date";

// RPT-DELIV-7: mail reports without a DKIM pass aligned with their reporter, kept but left
// out of the verdict until an admin accepts the reporter. Names and d= come from senders:
// rendered as text (RPT-ING-2).
export function QuarantineList({
  domain,
  initial,
}: {
  domain: string;
  initial: QuarantinedReporter[];
}) {
  const t = useTranslations("reports");
  const locale = useLocale();
  const q = useQuarantine(domain, initial);
  const accept = useAcceptReporter();
  const [done, setDone] = useState<string | null>(null);
  const rows = q.data;
  return (
    <Card>
      <CardHeader
        title={t("quarantine.title")}
        description={t("quarantine.hint")}
        actions={
          <Link
            href={`/domains/${encodeURIComponent(domain)}/reports/received`}
            className="text-sm text-brand-700 hover:underline"
          >
            {t("quarantine.received")}
          </Link>
        }
      />
      <div className="space-y-3 px-5 py-4">
        {done ? <Alert tone="good">{done}</Alert> : null}
        {accept.error ? <Alert tone="bad">{accept.error.message}</Alert> : null}
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("quarantine.none")}</p>
        ) : (
          <ScrollTable className="w-full text-left text-sm" label={t("quarantine.label")}>
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-3 py-2 font-medium">{t("quarantine.reporter")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("quarantine.reports")}</th>
                <th className="px-3 py-2 font-medium">{t("quarantine.why")}</th>
                <th className="px-3 py-2 font-medium">{t("quarantine.last")}</th>
                <th className="px-3 py-2 font-medium">
                  <span className="sr-only">{t("quarantine.accept")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.reporterKey}>
                  <td className="px-3 py-2">
                    <div className="font-medium text-slate-900">{r.organization}</div>
                    <div className="text-xs text-slate-500">{r.reporterKey}</div>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {formatCount(r.reports, locale)}
                  </td>
                  <td className="px-3 py-2">
                    <ul>
                      {r.reasons.map((why, i) => {
                        const ref = r.reasonRefs[i];
                        return (
                          <li key={why}>
                            {ref ? t(ref.key as Parameters<typeof t>[0], ref.params) : why}
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {formatUtcMinute(r.lastReceived, locale, { zone: false })}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={accept.isPending}
                      onClick={() =>
                        accept.mutate(r.reporterKey, {
                          onSuccess: (x) =>
                            setDone(
                              t("quarantine.accepted", {
                                reporter: x.reporterKey,
                                count: x.reports,
                              }),
                            ),
                        })
                      }
                    >
                      {t("quarantine.acceptButton", { reporter: r.reporterKey })}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </div>
    </Card>
  );
}
