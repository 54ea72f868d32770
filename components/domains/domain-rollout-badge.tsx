import { StepBadge } from "@/components/rollout/step-badge";
import { getDb } from "@/lib/db/client";
import type { DomainRecord } from "@/lib/db/domains/domains";
import { loadRolloutFacts } from "@/lib/db/policies/rollout-facts";
import { rolloutState, whereItStands } from "@/lib/rollout/step-state";

// Where the domain stands in the four rollout steps, from stored data and the latest
// stored verification (no live probe on the list).
export async function DomainRolloutBadge({ domain }: { domain: DomainRecord }) {
  const facts = await loadRolloutFacts(await getDb(), domain.id);
  const where = whereItStands(rolloutState(facts), facts.policy?.mode ?? null);
  return (
    <span aria-label={`Rollout of ${domain.displayName}`}>
      <StepBadge status={where.status} label={where.label} />
    </span>
  );
}
