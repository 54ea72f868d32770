// Policy ids for the `_mta-sts` TXT record (STS-TXT-4, STS-OPS-1, STS-OPS-2).
//
// Senders compare ids only for equality (STS-OPS-1): what matters is that a new id differs
// from every id the domain has published, or a sender that cached an old body under a
// reused id never fetches the new one. We get that by making each new id strictly greater
// than all earlier ones under one fixed order [OURS], which also keeps the history sortable.
//
// nextPolicyId keeps newPolicyId's form (`20250301T120000Z`, UTC, STS-OPS-2) whenever that
// is greater than every earlier id, so both functions produce the same ids in normal use;
// nextPolicyId only departs from it when the clock, a second change within one second, or
// a foreign id would make the plain timestamp collide or go backwards.

import { isValidPolicyId, newPolicyId } from "./policy-format";

/** STS-TXT-4: the characters of an id, in character-code order. */
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const MAX_LENGTH = 32;

/**
 * The product's order on policy ids: shorter ids first, equal lengths by character code
 * (0-9 < A-Z < a-z). Why this order:
 * - it is total on every valid id, whatever format another tool used;
 * - fixed-width UTC stamps (newPolicyId's `YYYYMMDDTHHMMSSZ`) sort by time;
 * - counters without leading zeros sort numerically (`9` < `10`), unlike plain string order;
 * - every id except `z` × 32 has a next id, so "greater than all" almost never runs out.
 */
export function comparePolicyIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The smallest valid id greater than `id` under comparePolicyIds, or null for `z` × 32. */
function successor(id: string): string | null {
  for (let i = id.length - 1; i >= 0; i--) {
    const pos = ALPHABET.indexOf(id.charAt(i));
    if (pos >= 0 && pos < ALPHABET.length - 1) {
      return id.slice(0, i) + ALPHABET.charAt(pos + 1) + "0".repeat(id.length - i - 1);
    }
  }
  return id.length < MAX_LENGTH ? "0".repeat(id.length + 1) : null;
}

const EARLIEST = Date.parse("0000-01-01T00:00:00Z");
const LATEST = Date.parse("9999-12-31T23:59:59Z");

/** newPolicyId for `now`, kept to four-digit years so the id stays alphanumeric. */
function stampOf(now: Date): string {
  const time = now.getTime();
  const clamped = Number.isNaN(time) ? 0 : Math.min(Math.max(time, EARLIEST), LATEST);
  return newPolicyId(new Date(clamped));
}

/**
 * A new id for a domain whose earlier ids are `previousIds`: valid (STS-TXT-4) and
 * strictly greater than each valid earlier id under comparePolicyIds. Invalid earlier ids
 * are ignored: senders rejected those records, so no sender cached a policy under them.
 */
export function nextPolicyId(previousIds: readonly string[], now: Date): string {
  const stamp = stampOf(now);
  const earlier = previousIds.filter(isValidPolicyId);
  const latest = earlier.reduce<string | null>(
    (max, id) => (max === null || comparePolicyIds(id, max) > 0 ? id : max),
    null,
  );
  if (latest === null) return stamp;
  // A longer foreign id (a long digit counter): pad the stamp to its length so the time
  // still reads first and the id does not grow each time.
  const padded = stamp.padEnd(Math.max(stamp.length, latest.length), "0");
  if (comparePolicyIds(padded, latest) > 0) return padded;
  // The clock went backwards, or this is a second id within one second: take the next id
  // after the latest (`20250301T120000Z` → `20250301T120000a`); a later second sorts above.
  const next = successor(latest);
  if (next !== null) return next;
  // Someone published `z` × 32, the greatest id: nothing is greater, so settle for an id
  // that differs from every earlier one, which is all senders need (STS-OPS-1).
  const seen = new Set(earlier);
  let candidate: string | null = stamp;
  while (candidate !== null && seen.has(candidate)) candidate = successor(candidate);
  return candidate ?? stamp;
}
