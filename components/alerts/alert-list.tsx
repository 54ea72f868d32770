import { useLocale, useNow, useTranslations } from "next-intl";
import { formatRelative, formatUtcSecond } from "@/lib/core/format-date";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { AlertView, DeliveryView } from "@/lib/db/alerts/list-alerts";
import { useOutcomeText } from "./use-outcome-text";
import { useRefText } from "./use-ref-text";

// The domain's alerts, newest first, with each channel's delivery: a failed one stays here
// in red with its last error (issue 14 §3: never lost silently).

function DeliveryLine({ d }: { d: DeliveryView }) {
  const t = useTranslations("alerts.list");
  const locale = useLocale();
  // A server component: the request's time, so the page says how soon the retry comes.
  const now = useNow();
  const outcome = useOutcomeText();
  const tone = d.status === "sent" ? "good" : d.status === "failed" ? "bad" : "warn";
  const attempts = { target: d.target, count: d.attempts };
  return (
    <li className="space-y-0.5">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={tone}>{t("badge", { channel: d.channel, status: d.status })}</Badge>
        <span className="text-xs text-slate-500">
          {d.status === "pending" && d.nextAttemptAt
            ? t("attemptsNext", {
                ...attempts,
                when: formatUtcSecond(d.nextAttemptAt, locale),
                relative: formatRelative(d.nextAttemptAt, now, locale),
              })
            : t("attempts", attempts)}
        </span>
      </div>
      {d.lastError ? <p className="text-xs text-red-700">{outcome(d.lastError)}</p> : null}
    </li>
  );
}

export function AlertList({ alerts }: { alerts: AlertView[] }) {
  const t = useTranslations("alerts.list");
  const locale = useLocale();
  const text = useRefText();
  if (alerts.length === 0) return <p className="p-5 text-sm text-slate-600">{t("empty")}</p>;
  const columns = [{ label: t("raised") }, { label: t("alert") }, { label: t("delivery") }];
  return (
    <DataTable columns={columns} label={t("label")}>
      {alerts.map((a) => (
        <tr key={a.id} className="align-top">
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">
            {formatUtcSecond(a.raisedAt, locale)}
          </td>
          <td className="px-5 py-3">
            <div className="font-medium text-slate-900">
              {(a.i18n && text(a.i18n.namespace, a.i18n.title)) ?? a.title}
            </div>
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
