import type { DomainRecord } from "@/lib/db/domains/domains";

// Mode, last report day, 7-day failure rate and readiness at a glance (filled in by the
// report dashboard).
export async function DomainHealth({ domain }: { domain: DomainRecord }) {
  void domain;
  return null;
}
