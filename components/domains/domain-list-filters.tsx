import { FilterForm, FilterSelect, FilterText } from "@/components/ui/list-filters";
import {
  MODE_FILTERS,
  MODE_LABEL,
  READINESS_FILTERS,
  READINESS_LABEL,
  STEP_FILTERS,
  STEP_LABEL,
  domainListHref,
  type DomainListParams,
} from "@/lib/domains/list-params";

// Search and filters of the domain list (issue 16); their state is the URL's.
export function DomainListFilters({ params }: { params: DomainListParams }) {
  return (
    <FilterForm
      action="/domains"
      stateKey={domainListHref(params)}
      label="Search and filter domains"
      clearHref="/domains"
    >
      <FilterText
        label="Name contains"
        id="domains-q"
        name="q"
        value={params.q}
        placeholder="example.com"
      />
      <FilterSelect
        label="Step"
        id="domains-step"
        name="step"
        value={params.step}
        options={STEP_FILTERS.map((s) => [s, STEP_LABEL[s]] as const)}
      />
      <FilterSelect
        label="Mode"
        id="domains-mode"
        name="mode"
        value={params.mode}
        options={MODE_FILTERS.map((m) => [m, MODE_LABEL[m]] as const)}
      />
      <FilterSelect
        label="Readiness"
        id="domains-ready"
        name="ready"
        value={params.ready}
        options={READINESS_FILTERS.map((r) => [r, READINESS_LABEL[r]] as const)}
      />
    </FilterForm>
  );
}
