import { STS_TYPES } from "./constants";
import { inRange, modeOnDay, type Windows } from "./days";
import { unexplainedFailures } from "./failure-counts";
import type { ReadinessInput, RefusalEstimate } from "./types";

/**
 * A sender that could not fetch a valid policy (fetch error, bad HTTPS certificate on the
 * policy host, invalid policy) has none and delivers as before (RFC 8461 §5).
 */
const DELIVERS_ANYWAY = new Set(STS_TYPES);

/**
 * Sessions a sender honouring the policy would have refused had it been `enforce`: every
 * failure reported against the sts policy while it was in testing mode (RPT-JSON-6: the
 * summaries' count, so failures without a detail row show as "no failure details", and
 * unknown result types count), except policy-fetch failures, per MX ("" = not named) and
 * day, newest first.
 */
export function refusalEstimate(input: ReadinessInput, w: Windows): RefusalEstimate[] {
  const out = new Map<string, RefusalEstimate>();
  for (const f of [...input.failures, ...unexplainedFailures(input, w.window)]) {
    if (f.policyType !== "sts" || DELIVERS_ANYWAY.has(f.resultType) || !inRange(f.day, w.window))
      continue;
    if (modeOnDay(input.history, f.day) !== "testing") continue;
    const mxHost = f.mxHost ?? "";
    const k = `${f.day}\u0000${mxHost}`;
    const e = out.get(k) ?? { day: f.day, mxHost, sessions: 0, byType: {} };
    e.sessions += f.sessions;
    e.byType[f.resultType] = (e.byType[f.resultType] ?? 0) + f.sessions;
    out.set(k, e);
  }
  return [...out.values()].sort(
    (a, b) => b.day.localeCompare(a.day) || a.mxHost.localeCompare(b.mxHost),
  );
}
