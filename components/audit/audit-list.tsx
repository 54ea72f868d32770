import { History } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { AuditEntry } from "@/lib/db/audit/audit";

type Row = AuditEntry & { domain: string | null };

const AUDIT_COLUMNS = [
  { label: "When (UTC)" },
  { label: "Who" },
  { label: "What" },
  { label: "Domain" },
  { label: "Details" },
];

function describe(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");
}

// Every change anyone made, newest first. All values are rendered as text.
// Issue 16: a page of events; the page passes the filter form (toolbar) and pager (footer).
export function AuditList({
  events,
  filtered = false,
  toolbar,
  footer,
}: {
  events: Row[];
  filtered?: boolean;
  toolbar?: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Who changed what and when: domains, users, policies, mode switches.
        </p>
      </div>
      <Card>
        <CardHeader title="Events, newest first" />
        {toolbar}
        {events.length === 0 ? (
          <div className="flex items-center gap-3 px-5 py-6 text-sm text-slate-600">
            <History aria-hidden className="size-6 text-slate-300" />
            {filtered ? "No event matches these filters." : "Nothing has changed yet."}
          </div>
        ) : (
          <DataTable columns={AUDIT_COLUMNS}>
            {events.map((e) => (
              <tr key={e.id}>
                <td className="px-5 py-2 whitespace-nowrap text-slate-600">
                  {e.at.toISOString().slice(0, 19).replace("T", " ")}
                </td>
                <td className="px-5 py-2">{e.actor}</td>
                <td className="px-5 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-5 py-2">{e.domain ?? "—"}</td>
                <td className="px-5 py-2 break-all text-slate-600">{describe(e.details)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {footer}
      </Card>
    </div>
  );
}
