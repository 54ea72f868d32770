import { History } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { formatUtcSecond } from "@/lib/core/format-date";
import type { AuditEntry } from "@/lib/db/audit/audit";

type Row = AuditEntry & { domain: string | null };

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
  const t = useTranslations("audit");
  const locale = useLocale();
  const columns = (["when", "who", "what", "domain", "details"] as const).map((c) => ({
    label: t(`columns.${c}`),
  }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card>
        <CardHeader title={t("events")} />
        {toolbar}
        {events.length === 0 ? (
          <div className="flex items-center gap-3 px-5 py-6 text-sm text-slate-600">
            <History aria-hidden className="size-6 text-slate-300" />
            {filtered ? t("noMatch") : t("empty")}
          </div>
        ) : (
          <DataTable columns={columns}>
            {events.map((e) => (
              <tr key={e.id}>
                <td className="px-5 py-2 whitespace-nowrap text-slate-600">
                  <time dateTime={e.at.toISOString()}>
                    {formatUtcSecond(e.at, locale, { zone: false })}
                  </time>
                </td>
                <td className="px-5 py-2">{e.actor}</td>
                <td className="px-5 py-2">
                  <AuditAction action={e.action} />
                </td>
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

/** An action's name in the reader's language above its stable id (the filter's value);
 * an action without a message (one added later) shows its id alone. */
function AuditAction({ action }: { action: string }) {
  const label = useAuditActionLabel()(action);
  return (
    <>
      {label ? <span className="block">{label}</span> : null}
      <code className="font-mono text-xs">{action}</code>
    </>
  );
}

/** Names audit actions in the reader's language ("domain.add" → "Domain added"), or null. */
export function useAuditActionLabel(): (action: string) => string | null {
  const t = useTranslations("audit.actions");
  return (action) => {
    const key = action as Parameters<typeof t>[0];
    return /^[a-z-]+\.[a-z-]+$/.test(action) && t.has(key) ? t(key) : null;
  };
}
