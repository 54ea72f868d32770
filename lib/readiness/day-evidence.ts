import { findMatchingPattern, isWildcardPattern } from "@/lib/mta-sts/mx-pattern";
import { readStsLines } from "@/lib/tlsrpt/sts-lines";
import { modeOnDay } from "./days";
import { reason, type Reason } from "./reason-text";
import type { ReadinessInput, ReportEntry } from "./types";

// READY-3: a day counts only when senders saw a testing policy covering the current MX
// set. The reports' own policy-string says what they saw (this also covers self-hosted
// policies); the dashboard's history stands in only for reporters that omit it.

/** The current MX hosts: those the latest checker run tested, else the policy's plain names. */
export function currentMxHosts(input: ReadinessInput): string[] {
  const tested = new Set<string>();
  for (const r of input.check?.report.results ?? [])
    if (r.id.startsWith("CHK-MX-") && r.target) tested.add(r.target.toLowerCase());
  if (tested.size > 0) return [...tested].sort();
  return (input.policy?.mx ?? []).filter((p) => !isWildcardPattern(p)).map((p) => p.toLowerCase());
}

export interface DayEvidence {
  /** Whether the day counts toward READY-3. */
  counts: boolean;
  /** Why it does not count, with its "readinessReasons" ref ("stop.*"); null when it does. */
  stop: Reason | null;
  /** Organisations whose entries had no policy-string and were judged from the history. */
  fromHistory: string[];
}

const stopped = (stop: Reason): DayEvidence => ({ counts: false, stop, fromHistory: [] });
const counted = (fromHistory: string[]): DayEvidence => ({ counts: true, stop: null, fromHistory });

/** What the `sts` entries of one day show: testing covering `mx`, or why not. */
export function judgeDay(
  input: ReadinessInput,
  day: string,
  entries: readonly ReportEntry[],
  mx: readonly string[],
): DayEvidence {
  if (entries.length === 0) return stopped(reason("stop.noReport", { day }));
  const sts = entries.filter((e) => e.policyType === "sts");
  if (sts.length === 0) {
    const types = [...new Set(entries.map((e) => e.policyType))].sort().join(", ");
    return stopped(reason("stop.noSts", { day, types }));
  }
  const withStrings = sts.filter((e) => e.policyStrings.length > 0);
  const without = sts.filter((e) => e.policyStrings.length === 0);
  const problems: Reason[] = [];
  for (const e of withStrings) {
    const seen = readStsLines(e.policyStrings);
    if (seen.mode !== "testing") {
      const mode = seen.mode ?? "";
      problems.push(
        reason("stop.sawMode", { org: e.organization, hasMode: mode ? "yes" : "no", mode }),
      );
      continue;
    }
    const missing = mx.filter((h) => findMatchingPattern(seen.mx, h) === null);
    if (missing.length === 0) return counted([]);
    problems.push(reason("stop.sawUncovered", { org: e.organization, hosts: missing.join(", ") }));
  }
  if (without.length > 0) {
    const mode = modeOnDay(input.history, day);
    const orgs = [...new Set(without.map((e) => e.organization))].sort();
    if (mode === "testing" && problems.length === 0) return counted(orgs);
    if (problems.length === 0)
      return stopped(
        mode === null
          ? reason("stop.beforeFirstPolicy", { day })
          : reason("stop.inMode", { day, mode }),
      );
  }
  // The same problem twice (two reports of one reporter) is said once.
  const once = [...new Map(problems.map((p) => [p.text, p])).values()];
  return stopped(reason("stop.onDay", { day }, { problems: once }));
}
