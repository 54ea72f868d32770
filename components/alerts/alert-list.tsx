import { formatRunTime } from "@/components/check/format-time";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { AlertView, DeliveryView } from "@/lib/db/alerts/list-alerts";

// The domain's alerts, newest first, with each channel's delivery: a failed one stays here
// in red with its last error (issue 14 §3: never lost silently).

const COLUMNS = [{ label: "Raised" }, { label: "Alert" }, { label: "Delivery" }] as const;

function DeliveryLine({ d }: { d: DeliveryView }) {
  const tone = d.status === "sent" ? "good" : d.status === "failed" ? "bad" : "warn";
  const when =
    d.status === "pending" && d.nextAttemptAt
      ? `next try ${formatRunTime(d.nextAttemptAt.toISOString())}`
      : null;
  return (
    <li className="space-y-0.5">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={tone}>
          {d.channel}: {d.status}
        </Badge>
        <span className="text-xs text-slate-500">
          {d.target} · {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
          {when ? ` · ${when}` : ""}
        </span>
      </div>
      {d.lastError ? <p className="text-xs text-red-700">{d.lastError}</p> : null}
    </li>
  );
}

export function AlertList({ alerts }: { alerts: AlertView[] }) {
  if (alerts.length === 0)
    return (
      <p className="p-5 text-sm text-slate-600">No alerts have been raised for this domain.</p>
    );
  return (
    <DataTable columns={COLUMNS} label="Alerts">
      {alerts.map((a) => (
        <tr key={a.id} className="align-top">
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">
            {formatRunTime(a.raisedAt.toISOString())}
          </td>
          <td className="px-5 py-3">
            <div className="font-medium text-slate-900">{a.title}</div>
            <div className="text-xs text-slate-500">
              {a.kind} · {a.subject}
            </div>
          </td>
          <td className="px-5 py-3">
            <ul className="space-y-1">
              {a.deliveries.map((d) => (
                <DeliveryLine key={d.channel} d={d} />
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
