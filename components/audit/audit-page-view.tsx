import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { FilterForm, FilterSelect, FilterText } from "@/components/ui/list-filters";
import { Pager } from "@/components/ui/pager";
import type { AuditEntry } from "@/lib/db/audit/audit";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { auditHref, type AuditParams } from "@/lib/lists/audit-params";
import { AuditList, useAuditActionLabel } from "./audit-list";

// The audit log with filters and cursor paging, all in the URL (issue 16).
export function AuditPageView({
  events,
  next,
  actions,
  params,
  problems,
}: {
  events: (AuditEntry & { domain: string | null })[];
  next: AuditParams["after"];
  actions: string[];
  params: AuditParams;
  /** What the URL held that the log could not use (lib/lists/audit-params.ts). */
  problems: MessageRef[];
}) {
  const t = useTranslations("audit");
  const actionLabel = useAuditActionLabel();
  return (
    <div className="space-y-4">
      {problems.map((p) => (
        <Alert key={p.key + JSON.stringify(p.params)} tone="warn">
          {t(p.key as Parameters<typeof t>[0], p.params)}
        </Alert>
      ))}
      <AuditList
        events={events}
        filtered={Boolean(params.action || params.user || params.from || params.to)}
        toolbar={
          <FilterForm
            action="/audit"
            stateKey={auditHref(params)}
            label={t("filters.label")}
            clearHref="/audit"
          >
            <FilterSelect
              label={t("filters.action")}
              id="audit-action"
              name="action"
              value={params.action}
              options={actions.map((a) => [a, actionLabel(a) ?? a] as const)}
            />
            <FilterText label={t("filters.who")} id="audit-user" name="user" value={params.user} />
            <FilterText
              label={t("filters.from")}
              id="audit-from"
              name="from"
              type="date"
              value={params.from ?? ""}
            />
            <FilterText
              label={t("filters.to")}
              id="audit-to"
              name="to"
              type="date"
              value={params.to ?? ""}
            />
          </FilterForm>
        }
        footer={
          <Pager
            label={t("pagerLabel")}
            status={params.after ? t("older") : t("newest")}
            previous={params.after ? auditHref(params, { after: null }) : null}
            previousLabel={t("newest")}
            next={next ? auditHref(params, { after: next }) : null}
            nextLabel={t("older")}
          />
        }
      />
    </div>
  );
}
