import { STS_TYPES } from "./constants";
import { inRange } from "./days";
import type { FailureEntry, ReadinessInput } from "./types";

// RPT-JSON-6: `total-failure-session-count` is the number of failed sessions; the
// failure-detail rows only explain them and need not add up. A reporter whose details
// name more than its summary is taken at the larger number, never the smaller.

/** The result type shown for summary failures no detail row explains. */
export const NO_DETAILS = "no failure details";

export interface ReporterDay {
  day: string;
  reporterKey: string;
  organization: string;
  /** Failed sessions: the summary, or the details when they name more. */
  failed: number;
  successful: number;
  /** Sessions the detail rows explain. */
  detailed: number;
  /** sts-policy-* sessions among the details (policy problems, not TLS failures). */
  policy: number;
}

/** `sts` failures per reporter and day in `range`, from summaries and details. */
export function reporterDays(
  input: ReadinessInput,
  range: { from: string; to: string },
  policyType = "sts",
): ReporterDay[] {
  const out = new Map<string, ReporterDay & { summary: number }>();
  const get = (day: string, reporterKey: string, organization: string) => {
    const k = `${day}\u0000${reporterKey}`;
    let r = out.get(k);
    if (!r) {
      r = {
        day,
        reporterKey,
        organization,
        failed: 0,
        successful: 0,
        detailed: 0,
        policy: 0,
        summary: 0,
      };
      out.set(k, r);
    }
    return r;
  };
  for (const e of input.entries) {
    if (e.policyType !== policyType || !inRange(e.day, range)) continue;
    const r = get(e.day, e.reporterKey, e.organization);
    r.summary += e.failed;
    r.successful += e.successful;
  }
  for (const f of input.failures) {
    if (f.policyType !== policyType || !inRange(f.day, range)) continue;
    const r = get(f.day, f.reporterKey, f.organization);
    r.detailed += f.sessions;
    if (STS_TYPES.includes(f.resultType)) r.policy += f.sessions;
  }
  return [...out.values()].map(({ summary, ...r }) => ({
    ...r,
    failed: Math.max(summary, r.detailed),
  }));
}

/** Summary failures that no detail row explains, as "not attributed" failure entries. */
export function unexplainedFailures(
  input: ReadinessInput,
  range: { from: string; to: string },
): FailureEntry[] {
  return reporterDays(input, range)
    .filter((r) => r.failed > r.detailed)
    .map((r) => ({
      day: r.day,
      reporterKey: r.reporterKey,
      organization: r.organization,
      policyType: "sts",
      resultType: NO_DETAILS,
      mxHost: null,
      sessions: r.failed - r.detailed,
      reasonCode: null,
    }));
}
