import { parsePolicy } from "../mta-sts/policy";
import type { WatchPolicyVersion } from "./types";

// Two policy bodies say the same when a sender would read the same policy from them: same
// version, mode, max_age and mx set. Bodies a sender cannot parse compare as text with line
// endings and trailing blanks normalised.

const normalised = (body: string) =>
  body
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();

function meaning(body: string): string | null {
  const p = parsePolicy(body);
  if (!p.valid) return null;
  const mx = [...new Set(p.mx.map((m) => m.toLowerCase()))].sort();
  return JSON.stringify([p.version, p.mode, p.maxAge, mx]);
}

export function samePolicy(a: string, b: string): boolean {
  const ma = meaning(a);
  const mb = meaning(b);
  if (ma !== null && mb !== null) return ma === mb;
  return normalised(a) === normalised(b);
}

/** The newest version whose body says what `body` says, or null. */
export const versionServing = (
  versions: readonly WatchPolicyVersion[],
  body: string,
): WatchPolicyVersion | null => versions.find((v) => samePolicy(v.body, body)) ?? null;

/** A body on one line for evidence: "mode: enforce; mx: a, b; max_age: 604800". */
export function policySummary(body: string): string {
  const p = parsePolicy(body);
  if (p.mode === null && p.maxAge === null && p.mx.length === 0)
    return `an unreadable body (${body.length} bytes)`;
  return `mode: ${p.mode ?? "?"}; mx: ${p.mx.join(", ") || "(none)"}; max_age: ${p.maxAge ?? "?"}`;
}
