import { FilterForm, FilterSelect, FilterText } from "@/components/ui/list-filters";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import type { ReceivedPage } from "@/lib/db/reports/received";
import {
  RECEIVED_AUTH,
  RECEIVED_AUTH_LABEL,
  receivedHref,
  type ReceivedParams,
} from "@/lib/lists/received-params";
import { ReceivedTable } from "./received-table";

// Received reports with filters and cursor paging, all in the URL (issue 16).
export function ReceivedList({
  domain,
  page,
  params,
  problems,
}: {
  domain: string;
  page: ReceivedPage;
  params: ReceivedParams;
  problems: string[];
}) {
  const base = `/domains/${encodeURIComponent(domain)}/reports/received`;
  const filtered = Boolean(params.reporter || params.auth || params.from || params.to);
  return (
    <div className="space-y-4">
      {problems.map((p) => (
        <Alert key={p} tone="warn">
          {p}
        </Alert>
      ))}
      <ReceivedTable
        domain={domain}
        rows={page.rows}
        filtered={filtered}
        toolbar={
          <FilterForm
            action={base}
            stateKey={receivedHref(base, params)}
            label="Filter received reports"
            clearHref={base}
          >
            <FilterText
              label="Reporter"
              id="received-reporter"
              name="reporter"
              value={params.reporter}
              placeholder="google.com"
            />
            <FilterSelect
              label="Authentication"
              id="received-auth"
              name="auth"
              value={params.auth}
              options={RECEIVED_AUTH.map((a) => [a, RECEIVED_AUTH_LABEL[a]] as const)}
            />
            <FilterText
              label="Period from (UTC)"
              id="received-from"
              name="from"
              type="date"
              value={params.from ?? ""}
            />
            <FilterText
              label="Period to (UTC)"
              id="received-to"
              name="to"
              type="date"
              value={params.to ?? ""}
            />
          </FilterForm>
        }
        footer={
          <Pager
            label="Received report pages"
            status={params.after ? "Older reports" : "Newest reports"}
            previous={params.after ? receivedHref(base, params, { after: null }) : null}
            previousLabel="Newest reports"
            next={page.next ? receivedHref(base, params, { after: page.next }) : null}
            nextLabel="Older reports"
          />
        }
      />
    </div>
  );
}
