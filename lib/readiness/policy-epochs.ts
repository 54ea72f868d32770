import { utcDay } from "@/lib/stats/date-range";
import { showsPolicy } from "./report-criteria";
import type { PolicyState, ReadinessInput, ReportEntry } from "./types";

// Issue 15 item 3 (STS-OPS: senders cache a policy for its max_age). An entry whose
// policy-string shows an older version than the one being judged is "under policy <id>"
// and is no evidence for the current version, for up to that version's max_age after it
// was replaced. Past that, a sender still showing it is judged like any other entry.

export interface OlderPolicyEntry {
  entry: ReportEntry;
  policyId: string;
}

/** The older version an entry shows while senders may still cache it, or null. */
export function olderPolicyOf(
  e: ReportEntry,
  current: PolicyState | null,
  versions: readonly PolicyState[],
): string | null {
  if (current === null || e.policyType !== "sts" || e.policyStrings.length === 0) return null;
  if (showsPolicy(e, current)) return null;
  const byAge = [...versions].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (let i = byAge.length - 1; i >= 0; i--) {
    const v = byAge[i];
    const next = byAge[i + 1];
    if (!v || !next || v.policyId === current.policyId) continue;
    if (!showsPolicy(e, v)) continue;
    // Cached until max_age after the next version replaced it (the day that ends in).
    const until = utcDay(new Date(next.createdAt.getTime() + v.maxAge * 1000));
    return e.day <= until ? v.policyId : null;
  }
  return null;
}

/** Every entry under an older, still-cacheable policy. */
export function olderPolicyEntries(input: ReadinessInput): OlderPolicyEntry[] {
  const versions = input.versions ?? [];
  const out: OlderPolicyEntry[] = [];
  for (const entry of input.entries) {
    const policyId = olderPolicyOf(entry, input.policy, versions);
    if (policyId !== null) out.push({ entry, policyId });
  }
  return out;
}
