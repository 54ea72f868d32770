import { useLocale, useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { RejectedRecord } from "@/lib/db/reports/rejected";
import type { UnknownDomainRow } from "@/lib/db/reports/received";
import { utcMinute } from "./format";
import { useRejectionReason } from "./rejection-reason";
import { useChannelLabel } from "./use-channel-label";
import { formatCount } from "@/lib/core/format-number";

// Sources, reasons and domain names come from outside: rendered as text only (RPT-ING-2).
// Issue 16: a page of rows; the page passes the filter form (toolbar) and pager (footer).
export function RejectedTable({
  rows,
  filtered = false,
  toolbar,
  footer,
}: {
  rows: RejectedRecord[];
  filtered?: boolean;
  toolbar?: React.ReactNode;
  footer?: React.ReactNode;
}) {
  const t = useTranslations("reports.rejected");
  const reasonOf = useRejectionReason();
  const locale = useLocale();
  const channelLabel = useChannelLabel();
  const columns = [
    { label: t("when") },
    { label: t("channel") },
    { label: t("source") },
    { label: t("reason") },
    { label: t("times"), align: "right" },
    { label: t("bytes"), align: "right" },
  ] as const;
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={rows.length === 0 ? (filtered ? t("noMatch") : t("none")) : t("hint")}
      />
      {toolbar}
      {rows.length > 0 ? (
        <DataTable columns={columns} label={t("title")} cellPadding="px-4">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="whitespace-nowrap px-4 py-2">{utcMinute(r.receivedAt, locale)}</td>
              <td className="px-4 py-2">{channelLabel(r.channel)}</td>
              <td className="max-w-56 break-all px-4 py-2">{r.source}</td>
              <td className="px-4 py-2">{reasonOf(r)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(r.count, locale)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(r.size, locale)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {footer}
    </Card>
  );
}

export function UnknownDomainsTable({ rows }: { rows: UnknownDomainRow[] }) {
  const t = useTranslations("reports.unknown");
  const locale = useLocale();
  const columns = [
    { label: t("domain") },
    { label: t("reporter") },
    { label: t("reports"), align: "right" },
    { label: t("lastSeen") },
  ] as const;
  return (
    <Card>
      <CardHeader title={t("title")} description={rows.length === 0 ? t("none") : t("hint")} />
      {rows.length > 0 ? (
        <DataTable columns={columns} label={t("label")} cellPadding="px-4">
          {rows.map((r) => (
            <tr key={`${r.submitter}\u0000${r.domain}`}>
              <td className="px-4 py-2">{r.domain}</td>
              <td className="px-4 py-2">{r.submitter}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(r.count, locale)}</td>
              <td className="whitespace-nowrap px-4 py-2">{utcMinute(r.lastSeen, locale)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Card>
  );
}
