import { findMatchingPattern, isWildcardPattern } from "@/lib/mta-sts/mx-pattern";
import { readStsLines } from "@/lib/tlsrpt/sts-lines";
import { modeOnDay } from "./days";
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
  /** Why it does not count ("" when it does). */
  stop: string;
  /** Organisations whose entries had no policy-string and were judged from the history. */
  fromHistory: string[];
}

/** What the `sts` entries of one day show: testing covering `mx`, or why not. */
export function judgeDay(
  input: ReadinessInput,
  day: string,
  entries: readonly ReportEntry[],
  mx: readonly string[],
): DayEvidence {
  const none = { counts: false, fromHistory: [] };
  if (entries.length === 0) return { ...none, stop: `no report covers ${day}` };
  const sts = entries.filter((e) => e.policyType === "sts");
  if (sts.length === 0) {
    const types = [...new Set(entries.map((e) => e.policyType))].sort().join(", ");
    return { ...none, stop: `${day} has no sts entries (${types}): senders found no policy` };
  }
  const withStrings = sts.filter((e) => e.policyStrings.length > 0);
  const without = sts.filter((e) => e.policyStrings.length === 0);
  const problems: string[] = [];
  for (const e of withStrings) {
    const seen = readStsLines(e.policyStrings);
    if (seen.mode !== "testing") {
      problems.push(`${e.organization} saw mode ${seen.mode ?? "(none)"}`);
      continue;
    }
    const missing = mx.filter((h) => findMatchingPattern(seen.mx, h) === null);
    if (missing.length === 0) return { counts: true, stop: "", fromHistory: [] };
    problems.push(
      `${e.organization} saw a testing policy that does not cover ${missing.join(", ")}`,
    );
  }
  if (without.length > 0) {
    const mode = modeOnDay(input.history, day);
    const orgs = [...new Set(without.map((e) => e.organization))].sort();
    if (mode === "testing" && problems.length === 0)
      return { counts: true, stop: "", fromHistory: orgs };
    if (problems.length === 0)
      return {
        ...none,
        stop: `${day} was ${mode === null ? "before the first policy" : `in mode ${mode}`}`,
      };
  }
  return { ...none, stop: `on ${day} ${[...new Set(problems)].join("; ")}` };
}
