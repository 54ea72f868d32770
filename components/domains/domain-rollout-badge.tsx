import type { DomainRecord } from "@/lib/db/domains/domains";

// Where the domain stands in the four rollout steps (filled in by the wizard).
export async function DomainRolloutBadge({ domain }: { domain: DomainRecord }) {
  void domain;
  return null;
}
