import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { ReceivedRow } from "@/lib/db/reports/received";
import { AuthBadge } from "./auth-badge";
import { period, utcMinute } from "./format";
import { useChannelLabel } from "./use-channel-label";
import { formatCount } from "@/lib/core/format-number";
import { ScrollRegion } from "@/components/ui/scroll-region";

// Every string here comes from a report sender: React renders it as text (RPT-ING-2).
// Issue 16: the page passes a page of rows, the filter form (toolbar) and the pager (footer).
export function ReceivedTable({
  domain,
  rows,
  filtered = false,
  toolbar,
  footer,
}: {
  domain: string;
  rows: ReceivedRow[];
  filtered?: boolean;
  toolbar?: React.ReactNode;
  footer?: React.ReactNode;
}) {
  const t = useTranslations("reports.received");
  const locale = useLocale();
  const channelLabel = useChannelLabel();
  const base = `/domains/${encodeURIComponent(domain)}/reports/received`;
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={rows.length === 0 ? (filtered ? t("noMatch") : t("none")) : t("hint")}
        actions={
          <span className="flex gap-4">
            <Link
              href={`/domains/${encodeURIComponent(domain)}/reports/quarantine`}
              className="text-sm text-brand-700 hover:underline"
            >
              {t("quarantine")}
            </Link>
            <Link
              href={`/domains/${encodeURIComponent(domain)}/reports`}
              className="text-sm text-brand-700 hover:underline"
            >
              {t("back")}
            </Link>
          </span>
        }
      />
      {toolbar}
      {rows.length > 0 ? (
        <ScrollRegion label={t("title")}>
          <table className="w-full text-left text-sm" aria-label={t("title")}>
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium">{t("reporter")}</th>
                <th className="px-4 py-2 font-medium">{t("period")}</th>
                <th className="px-4 py-2 text-right font-medium">{t("ok")}</th>
                <th className="px-4 py-2 text-right font-medium">{t("failed")}</th>
                <th className="px-4 py-2 font-medium">{t("channel")}</th>
                <th className="px-4 py-2 font-medium">{t("auth")}</th>
                <th className="px-4 py-2 text-right font-medium">{t("warnings")}</th>
                <th className="px-4 py-2 font-medium">
                  <span className="sr-only">{t("details")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-4 py-2">
                    <div className="font-medium text-slate-900">{r.organization}</div>
                    <div className="text-xs text-slate-500">{r.reporterKey}</div>
                  </td>
                  <td className="whitespace-nowrap px-4 py-2">{period(r.start, r.end, locale)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {formatCount(r.successful, locale)}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {r.failed > 0 ? (
                      <span className="font-medium text-red-700">
                        {formatCount(r.failed, locale)}
                      </span>
                    ) : (
                      "0"
                    )}
                  </td>
                  <td className="px-4 py-2">
                    <span title={t("receivedAt", { when: utcMinute(r.receivedAt, locale) })}>
                      {channelLabel(r.channel)}
                    </span>
                  </td>
                  <td className="px-4 py-2">
                    <AuthBadge {...r} />
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {formatCount(r.warnings, locale)}
                    {r.conflict ? (
                      <Badge tone="warn" className="ml-2" title={t("conflictHint")}>
                        {t("conflict")}
                      </Badge>
                    ) : null}
                  </td>
                  <td className="px-4 py-2 text-right">
                    <Link href={`${base}/${r.id}`} className="text-brand-700 hover:underline">
                      {t("details")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {footer}
    </Card>
  );
}
