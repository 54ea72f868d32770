import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { ReceivedRow } from "@/lib/db/reports/received";
import { AuthBadge } from "./auth-badge";
import { CHANNEL_LABEL, period, utcMinute } from "./format";
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
  const base = `/domains/${encodeURIComponent(domain)}/reports/received`;
  return (
    <Card>
      <CardHeader
        title="Received reports"
        description={
          rows.length === 0
            ? filtered
              ? "No report matches these filters."
              : "No TLS reports have arrived for this domain yet."
            : "Newest period first, 50 to a page."
        }
        actions={
          <span className="flex gap-4">
            <Link
              href={`/domains/${encodeURIComponent(domain)}/reports/quarantine`}
              className="text-sm text-brand-700 hover:underline"
            >
              Quarantine
            </Link>
            <Link
              href={`/domains/${encodeURIComponent(domain)}/reports`}
              className="text-sm text-brand-700 hover:underline"
            >
              Back to charts
            </Link>
          </span>
        }
      />
      {toolbar}
      {rows.length > 0 ? (
        <ScrollRegion label="Received reports">
          <table className="w-full text-left text-sm" aria-label="Received reports">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium">Reporter</th>
                <th className="px-4 py-2 font-medium">Period (UTC)</th>
                <th className="px-4 py-2 text-right font-medium">Sessions ok</th>
                <th className="px-4 py-2 text-right font-medium">Failed</th>
                <th className="px-4 py-2 font-medium">Channel</th>
                <th className="px-4 py-2 font-medium">Authentication</th>
                <th className="px-4 py-2 text-right font-medium">Warnings</th>
                <th className="px-4 py-2 font-medium">
                  <span className="sr-only">Details</span>
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
                  <td className="whitespace-nowrap px-4 py-2">{period(r.start, r.end)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatCount(r.successful)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {r.failed > 0 ? (
                      <span className="font-medium text-red-700">{formatCount(r.failed)}</span>
                    ) : (
                      "0"
                    )}
                  </td>
                  <td className="px-4 py-2">
                    <span title={`received ${utcMinute(r.receivedAt)}`}>
                      {CHANNEL_LABEL[r.channel] ?? r.channel}
                    </span>
                  </td>
                  <td className="px-4 py-2">
                    <AuthBadge {...r} />
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {r.warnings}
                    {r.conflict ? (
                      <Badge
                        tone="warn"
                        className="ml-2"
                        title="Same report-id as an earlier report, different content"
                      >
                        conflict
                      </Badge>
                    ) : null}
                  </td>
                  <td className="px-4 py-2 text-right">
                    <Link href={`${base}/${r.id}`} className="text-brand-700 hover:underline">
                      Details
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
