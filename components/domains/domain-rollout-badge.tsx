import { StepBadge } from "@/components/rollout/step-badge";
import type { DomainListRow } from "@/lib/db/domains/domain-list";

// Where the domain stands in the four rollout steps, from stored data and the latest
// stored verification (no live probe on the list). The page loads it (getDomainList).
export function DomainRolloutBadge({ domain }: { domain: DomainListRow }) {
  return (
    <span aria-label={`Rollout of ${domain.displayName}`}>
      <StepBadge status={domain.rollout.status} label={domain.rollout.label} />
    </span>
  );
}
