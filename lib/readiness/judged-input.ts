import { inRange } from "./days";
import { hasSessions } from "./completeness";
import { classifyFailure, tlsaPublished } from "./failure-side";
import type { OlderPolicyEntry } from "./policy-epochs";
import type { FailureEntry, ReadinessInput, ReportEntry, SideFailure } from "./types";

// Issue 15: what the criteria may judge. Days after the last complete day wait; entries
// under an older, still-cached policy are no evidence for the current one; sender-side
// failures are explained, not counted (their sessions leave the summary counts too).

export interface Judged {
  /** READY-4/5/6, the MX verdicts and the estimate. */
  input: ReadinessInput;
  /** READY-3: also without zero-session entries (they are no coverage). */
  days: ReadinessInput;
  sides: SideFailure[];
}

const sameEntry = (f: FailureEntry, e: ReportEntry): boolean =>
  f.entryId !== undefined && e.entryId !== undefined
    ? f.entryId === e.entryId
    : f.day === e.day && f.reporterKey === e.reporterKey && f.policyType === e.policyType;

export function judgedInput(
  input: ReadinessInput,
  lastComplete: string | null,
  older: readonly OlderPolicyEntry[],
  window: { from: string; to: string },
): Judged {
  const olderSet = new Set(older.map((o) => o.entry));
  const keep = (day: string) => lastComplete === null || day <= lastComplete;
  const entries = input.entries.filter((e) => keep(e.day) && !olderSet.has(e));
  const kept = input.failures.filter(
    (f) => keep(f.day) && !older.some((o) => sameEntry(f, o.entry)),
  );
  const tlsa = tlsaPublished(input);
  const groups = new Map<string, SideFailure>();
  const failures: FailureEntry[] = [];
  const senderSessions = new Map<FailureEntry, number>();
  for (const f of kept) {
    const { side, why, whyRef } = classifyFailure(f.resultType, f.reasonCode, tlsa);
    const k = [f.day, f.organization, f.resultType, f.mxHost, f.reasonCode].join("\u0000");
    const same = groups.get(k);
    if (same) same.sessions += inRange(f.day, window) ? f.sessions : 0;
    else if (inRange(f.day, window) && f.sessions > 0)
      groups.set(k, {
        day: f.day,
        organization: f.organization,
        resultType: f.resultType,
        mxHost: f.mxHost,
        reasonCode: f.reasonCode,
        sessions: f.sessions,
        side,
        why,
        whyRef,
      });
    if (side === "sender") senderSessions.set(f, f.sessions);
    else failures.push(f);
  }
  const adjusted = entries.map((e) => {
    let minus = 0;
    for (const [f, n] of senderSessions) if (sameEntry(f, e)) minus += n;
    return minus > 0 ? { ...e, failed: Math.max(0, e.failed - minus) } : e;
  });
  const judged = { ...input, entries: adjusted, failures };
  const sides = [...groups.values()].sort(
    (a, b) => b.day.localeCompare(a.day) || a.organization.localeCompare(b.organization),
  );
  return { input: judged, days: { ...judged, entries: adjusted.filter(hasSessions) }, sides };
}
