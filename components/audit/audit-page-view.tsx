import { Alert } from "@/components/ui/alert";
import { FilterForm, FilterSelect, FilterText } from "@/components/ui/list-filters";
import { Pager } from "@/components/ui/pager";
import type { AuditEntry } from "@/lib/db/audit/audit";
import { auditHref, type AuditParams } from "@/lib/lists/audit-params";
import { AuditList } from "./audit-list";

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
  problems: string[];
}) {
  return (
    <div className="space-y-4">
      {problems.map((p) => (
        <Alert key={p} tone="warn">
          {p}
        </Alert>
      ))}
      <AuditList
        events={events}
        filtered={Boolean(params.action || params.user || params.from || params.to)}
        toolbar={
          <FilterForm
            action="/audit"
            stateKey={auditHref(params)}
            label="Filter the audit log"
            clearHref="/audit"
          >
            <FilterSelect
              label="Action"
              id="audit-action"
              name="action"
              value={params.action}
              options={actions.map((a) => [a, a] as const)}
            />
            <FilterText label="Who" id="audit-user" name="user" value={params.user} />
            <FilterText
              label="From (UTC)"
              id="audit-from"
              name="from"
              type="date"
              value={params.from ?? ""}
            />
            <FilterText
              label="To (UTC)"
              id="audit-to"
              name="to"
              type="date"
              value={params.to ?? ""}
            />
          </FilterForm>
        }
        footer={
          <Pager
            label="Audit log pages"
            status={params.after ? "Older events" : "Newest events"}
            previous={params.after ? auditHref(params, { after: null }) : null}
            previousLabel="Newest events"
            next={next ? auditHref(params, { after: next }) : null}
            nextLabel="Older events"
          />
        }
      />
    </div>
  );
}
