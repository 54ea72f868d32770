import { STS_TYPES, TLS_TYPES } from "./constants";
import { inRange, modeOnDay, type Windows } from "./days";
import type { ReadinessInput, RefusalEstimate } from "./types";

const REFUSING = new Set([...STS_TYPES, ...TLS_TYPES]);

/**
 * Sessions a sender honouring the policy would have refused had it been `enforce`: the
 * sts-* and MX TLS failures reported against the sts policy while it was in testing mode,
 * per MX ("" = not named) and day, newest first.
 */
export function refusalEstimate(input: ReadinessInput, w: Windows): RefusalEstimate[] {
  const out = new Map<string, RefusalEstimate>();
  for (const f of input.failures) {
    if (f.policyType !== "sts" || !REFUSING.has(f.resultType) || !inRange(f.day, w.window))
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
