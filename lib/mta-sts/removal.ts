// STS-OPS-9: when is it safe to delete the TXT record and the policy host?
// Senders keep a policy for max_age seconds after their last successful fetch
// (STS-OPS-3), and a deleted TXT record does not cancel a cached policy (STS-OPS-4).

import type { StsMode } from "./policy-types";

/** One policy version the hosted endpoint has served (the dashboard keeps every one). */
export interface ServedPolicy {
  id: string;
  mode: StsMode;
  maxAge: number;
  firstServed: Date;
  lastServed: Date;
}

export type RemovalStatus =
  /** The endpoint still serves a testing/enforce policy: publish `mode: none` and a new id first. */
  | { kind: "publish-none-first" }
  /** Some sender may still hold a testing/enforce policy until `safeAfter`. */
  | { kind: "wait"; safeAfter: Date }
  /** No sender can still hold a testing/enforce policy (since `safeAfter`, or ever). */
  | { kind: "safe"; safeAfter: Date | null };

/**
 * STS-OPS-9 step 2: the last time a non-`none` policy was served, plus the largest max_age
 * any non-`none` policy ever had (an older policy may have had a longer one).
 */
export function removalStatus(history: readonly ServedPolicy[], now: Date): RemovalStatus {
  const latest = [...history].sort((a, b) => b.lastServed.getTime() - a.lastServed.getTime())[0];
  if (latest !== undefined && latest.mode !== "none") return { kind: "publish-none-first" };

  const active = history.filter((p) => p.mode !== "none");
  if (active.length === 0) return { kind: "safe", safeAfter: null };
  const lastServed = Math.max(...active.map((p) => p.lastServed.getTime()));
  const longest = Math.max(...active.map((p) => p.maxAge));
  const safeAfter = new Date(lastServed + longest * 1000);
  return now.getTime() >= safeAfter.getTime()
    ? { kind: "safe", safeAfter }
    : { kind: "wait", safeAfter };
}
