import { useTranslations } from "next-intl";
import { FilterForm, FilterSelect, FilterText } from "@/components/ui/list-filters";
import { Alert } from "@/components/ui/alert";
import { Pager } from "@/components/ui/pager";
import type { ReceivedPage } from "@/lib/db/reports/received";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { RECEIVED_AUTH, receivedHref, type ReceivedParams } from "@/lib/lists/received-params";
import { ReceivedTable } from "./received-table";

// Received reports with filters and cursor paging, all in the URL (issue 16).
export function ReceivedList({
  domain,
  page,
  params,
  problemRefs,
}: {
  domain: string;
  page: ReceivedPage;
  params: ReceivedParams;
  /** What the URL held that the list could not use (lib/lists/received-params.ts). */
  problemRefs: MessageRef[];
}) {
  const t = useTranslations("reports");
  const base = `/domains/${encodeURIComponent(domain)}/reports/received`;
  const filtered = Boolean(params.reporter || params.auth || params.from || params.to);
  return (
    <div className="space-y-4">
      {problemRefs.map((p) => (
        <Alert key={p.key + JSON.stringify(p.params)} tone="warn">
          {t(p.key as Parameters<typeof t>[0], p.params)}
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
            label={t("received.filter")}
            clearHref={base}
          >
            <FilterText
              label={t("received.reporter")}
              id="received-reporter"
              name="reporter"
              value={params.reporter}
              placeholder="google.com"
            />
            <FilterSelect
              label={t("received.auth")}
              id="received-auth"
              name="auth"
              value={params.auth}
              options={RECEIVED_AUTH.map((a) => [a, t(`auth.filter.${a}`)] as const)}
            />
            <FilterText
              label={t("received.from")}
              id="received-from"
              name="from"
              type="date"
              value={params.from ?? ""}
            />
            <FilterText
              label={t("received.to")}
              id="received-to"
              name="to"
              type="date"
              value={params.to ?? ""}
            />
          </FilterForm>
        }
        footer={
          <Pager
            label={t("received.pages")}
            status={params.after ? t("received.older") : t("received.newest")}
            previous={params.after ? receivedHref(base, params, { after: null }) : null}
            previousLabel={t("received.newest")}
            next={page.next ? receivedHref(base, params, { after: page.next }) : null}
            nextLabel={t("received.older")}
          />
        }
      />
    </div>
  );
}
