import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { FilterForm, FilterSelect } from "@/components/ui/list-filters";
import { Pager } from "@/components/ui/pager";
import type { RejectedPage } from "@/lib/db/reports/rejected-page";
import { REJECTED_CHANNELS, rejectedHref, type RejectedParams } from "@/lib/lists/audit-params";
import { useChannelLabel } from "./use-channel-label";
import { RejectedTable } from "./intake-tables";

// Rejected submissions with a channel filter and cursor paging in the URL (issue 16).
export function RejectedList({
  page,
  params,
  problems,
}: {
  page: RejectedPage;
  params: RejectedParams;
  problems: string[];
}) {
  const t = useTranslations("reports.rejected");
  const channelLabel = useChannelLabel();
  return (
    <div className="space-y-4">
      {problems.map((p) => (
        <Alert key={p} tone="warn">
          {p}
        </Alert>
      ))}
      <RejectedTable
        rows={page.rows}
        filtered={params.channel !== null}
        toolbar={
          <FilterForm
            action="/settings"
            stateKey={rejectedHref(params)}
            label={t("filter")}
            clearHref="/settings"
          >
            <FilterSelect
              label={t("channel")}
              id="rejected-channel"
              name="rejectedChannel"
              value={params.channel}
              options={REJECTED_CHANNELS.map((c) => [c, channelLabel(c)] as const)}
            />
          </FilterForm>
        }
        footer={
          <Pager
            label={t("pages")}
            status={params.after ? t("older") : t("newest")}
            previous={params.after ? rejectedHref(params, { after: null }) : null}
            previousLabel={t("newest")}
            next={page.next ? rejectedHref(params, { after: page.next }) : null}
            nextLabel={t("older")}
          />
        }
      />
    </div>
  );
}
