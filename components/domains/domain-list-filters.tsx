import { useTranslations } from "next-intl";
import { FilterForm, FilterSelect, FilterText } from "@/components/ui/list-filters";
import {
  MODE_FILTERS,
  READINESS_FILTERS,
  STEP_FILTERS,
  domainListHref,
  type DomainListParams,
} from "@/lib/domains/list-params";

// Search and filters of the domain list (issue 16); their state is the URL's. The option
// texts are the messages of the filters' stable values (lib/domains/list-params.ts).
export function DomainListFilters({ params }: { params: DomainListParams }) {
  const t = useTranslations("domains.filters");
  return (
    <FilterForm
      action="/domains"
      stateKey={domainListHref(params)}
      label={t("label")}
      clearHref="/domains"
    >
      <FilterText
        label={t("nameContains")}
        id="domains-q"
        name="q"
        value={params.q}
        placeholder="example.com"
      />
      <FilterSelect
        label={t("step")}
        id="domains-step"
        name="step"
        value={params.step}
        options={STEP_FILTERS.map((s) => [s, t(`steps.${s}`)] as const)}
      />
      <FilterSelect
        label={t("mode")}
        id="domains-mode"
        name="mode"
        value={params.mode}
        options={MODE_FILTERS.map((m) => [m, t(`modes.${m}`)] as const)}
      />
      <FilterSelect
        label={t("readiness")}
        id="domains-ready"
        name="ready"
        value={params.ready}
        options={READINESS_FILTERS.map((r) => [r, t(`ready.${r}`)] as const)}
      />
    </FilterForm>
  );
}
