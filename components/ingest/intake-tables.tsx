import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { RejectedRecord } from "@/lib/db/reports/rejected";
import type { UnknownDomainRow } from "@/lib/db/reports/received";
import { CHANNEL_LABEL, utcMinute } from "./format";
import { formatCount } from "@/lib/core/format-number";

const REJECTED_COLUMNS = [
  { label: "When" },
  { label: "Channel" },
  { label: "Source" },
  { label: "Reason" },
  { label: "Times", align: "right" },
  { label: "Bytes", align: "right" },
] as const;

const UNKNOWN_COLUMNS = [
  { label: "Domain" },
  { label: "Reporter" },
  { label: "Reports", align: "right" },
  { label: "Last seen" },
] as const;

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
  return (
    <Card>
      <CardHeader
        title="Rejected submissions"
        description={
          rows.length === 0
            ? filtered
              ? "No refusal matches this filter."
              : "Nothing has been refused."
            : "Reports that were refused, newest first, with the reason each one was refused. Repeats from one source within a minute share a row."
        }
      />
      {toolbar}
      {rows.length > 0 ? (
        <DataTable columns={REJECTED_COLUMNS} label="Rejected submissions" cellPadding="px-4">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="whitespace-nowrap px-4 py-2">{utcMinute(r.receivedAt)}</td>
              <td className="px-4 py-2">{CHANNEL_LABEL[r.channel] ?? r.channel}</td>
              <td className="max-w-56 break-all px-4 py-2">{r.source}</td>
              <td className="px-4 py-2">{r.reason}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(r.count)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(r.size)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {footer}
    </Card>
  );
}

export function UnknownDomainsTable({ rows }: { rows: UnknownDomainRow[] }) {
  return (
    <Card>
      <CardHeader
        title="Reports about domains not managed here"
        description={
          rows.length === 0
            ? "Every report so far was about a domain on the list."
            : "Policy entries for domains not on the list are counted here, not stored. Add the domain to start keeping them."
        }
      />
      {rows.length > 0 ? (
        <DataTable columns={UNKNOWN_COLUMNS} label="Unknown domains" cellPadding="px-4">
          {rows.map((r) => (
            <tr key={`${r.submitter}\u0000${r.domain}`}>
              <td className="px-4 py-2">{r.domain}</td>
              <td className="px-4 py-2">{r.submitter}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(r.count)}</td>
              <td className="whitespace-nowrap px-4 py-2">{utcMinute(r.lastSeen)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Card>
  );
}
