import { findMatchingPattern } from "@/lib/mta-sts/mx-pattern";
import { formatRate } from "@/lib/stats/aggregate";
import { addDays } from "@/lib/stats/date-range";
import { readStsLines } from "@/lib/tlsrpt/sts-lines";
import { tlsRptRecord } from "./checker-criteria";
import {
  LARGE_REPORTER,
  MAX_TLS_FAILURE_RATE,
  STS_TYPES,
  TESTING_DAYS,
  TLS_TYPES,
} from "./constants";
import { inRange, modeOnDay, type Windows } from "./days";
import type { Criterion, FailureEntry, PolicyState, ReadinessInput, ReportEntry } from "./types";

// READY-3..6: judged from the stored reports.

export function ready3(input: ReadinessInput, w: Windows): Criterion {
  const base = { id: "READY-3" as const, title: "14 consecutive days of reports in testing mode" };
  const record = tlsRptRecord(input);
  const days = new Set(input.entries.map((e) => e.day));
  if (w.latest === null)
    return {
      ...base,
      status: "not-met",
      summary: "No reports yet: is _smtp._tls published? Reports arrive once a day.",
      evidence: [record.evidence],
    };
  if (!w.recent)
    return {
      ...base,
      status: "not-met",
      summary: `No report since ${w.latest}: reports have stopped arriving.`,
      evidence: [record.evidence],
    };
  let run = 0;
  let day = w.latest;
  let stop = "";
  for (;;) {
    const mode = modeOnDay(input.history, day);
    if (!days.has(day)) stop = `no report covers ${day}`;
    else if (mode !== "testing")
      stop = `${day} was ${mode === null ? "before the first policy" : `in mode ${mode}`}`;
    if (stop) break;
    run += 1;
    day = addDays(day, -1);
  }
  const first = addDays(w.latest, -(run - 1));
  const evidence = [
    run > 0
      ? `Reports on ${run} consecutive ${run === 1 ? "day" : "days"} in testing mode: ${first} to ${w.latest}.`
      : `The latest report day ${w.latest} was not in testing mode.`,
    `The run starts after ${stop}.`,
    record.evidence,
  ];
  if (run < TESTING_DAYS)
    return {
      ...base,
      status: "not-met",
      summary: `${run} of ${TESTING_DAYS} days so far.`,
      evidence,
    };
  if (record.valid === false)
    return { ...base, status: "not-met", summary: "The TLS-RPT record has problems.", evidence };
  if (record.valid === null)
    return {
      ...base,
      status: "unknown",
      summary: `${run} days of reports; the TLS-RPT record has not been checked: run 1·Check.`,
      evidence,
    };
  return { ...base, status: "met", summary: `${run} consecutive days of reports.`, evidence };
}

/** RPT-JSON-5: does an entry's policy-string show the policy being served? */
export function showsPolicy(e: ReportEntry, policy: PolicyState): boolean {
  if (e.policyStrings.length === 0) return false;
  const seen = readStsLines(e.policyStrings);
  const mx = (xs: readonly string[]) =>
    [...new Set(xs.map((x) => x.toLowerCase()))].sort().join(",");
  return (
    seen.mode === policy.mode && seen.maxAge === policy.maxAge && mx(seen.mx) === mx(policy.mx)
  );
}

function describeStrings(entries: readonly ReportEntry[], policy: PolicyState | null): string {
  if (policy && entries.some((e) => showsPolicy(e, policy)))
    return `policy-string shows the current policy (id ${policy.policyId})`;
  const withStrings = entries.find((e) => e.policyStrings.length > 0);
  if (!withStrings) return "no policy-string (Google and Microsoft leave it out)";
  const seen = readStsLines(withStrings.policyStrings);
  return `policy-string shows mode ${seen.mode ?? "?"}, max_age ${seen.maxAge ?? "?"}: not the current policy`;
}

export function ready4(input: ReadinessInput, w: Windows): Criterion {
  const base = {
    id: "READY-4" as const,
    title: "At least 2 reporters, one large, and the current policy seen",
  };
  const sts = input.entries.filter((e) => e.policyType === "sts" && inRange(e.day, w.window));
  const byReporter = new Map<string, ReportEntry[]>();
  for (const e of sts) byReporter.set(e.reporterKey, [...(byReporter.get(e.reporterKey) ?? []), e]);
  const evidence = [...byReporter].map(([key, es]) => {
    const org = es[0]?.organization ?? key;
    const n = new Set(es.map((e) => e.day)).size;
    return `${org} (${key}): sts entries on ${n} ${n === 1 ? "day" : "days"}; ${describeStrings(es, input.policy)}.`;
  });
  const isLarge = (es: readonly ReportEntry[]) =>
    es.some((e) => LARGE_REPORTER.test(e.organization) || LARGE_REPORTER.test(e.reporterKey));
  const large = [...byReporter.values()].filter(isLarge).length;
  const policy = input.policy;
  const seen = policy !== null && sts.some((e) => showsPolicy(e, policy));
  const problems: string[] = [];
  if (byReporter.size < 2)
    problems.push(`${byReporter.size} reporter${byReporter.size === 1 ? "" : "s"} (need 2)`);
  if (large === 0) problems.push("no report from Google or Microsoft");
  if (!seen) problems.push("no report shows the current policy in its policy-string");
  const period = `${w.window.from} to ${w.window.to}`;
  if (problems.length > 0)
    return { ...base, status: "not-met", summary: `${problems.join("; ")} (${period}).`, evidence };
  return {
    ...base,
    status: "met",
    summary: `${byReporter.size} reporters, ${large} large, from ${period}; the current policy is seen.`,
    evidence,
  };
}

function groupFailures(
  fs: readonly FailureEntry[],
): Map<string, { sessions: number; f: FailureEntry }> {
  const out = new Map<string, { sessions: number; f: FailureEntry }>();
  for (const f of fs) {
    const k = [f.resultType, f.mxHost ?? "", f.reasonCode ?? "", f.reporterKey, f.day].join(
      "\u0000",
    );
    const g = out.get(k) ?? { sessions: 0, f };
    g.sessions += f.sessions;
    out.set(k, g);
  }
  return out;
}

const describeFailure = (g: { sessions: number; f: FailureEntry }): string =>
  `${g.f.day} ${g.f.organization}: ${g.sessions} × ${g.f.resultType} on ${g.f.mxHost ?? "an unnamed MX"}${g.f.reasonCode ? ` (${g.f.reasonCode})` : ""}`;

/** Types whose name says what is wrong; the catch-alls need a reason code (§10.3). */
const SELF_EXPLAINING = [
  "starttls-not-supported",
  "certificate-expired",
  "certificate-host-mismatch",
];

export function ready5(input: ReadinessInput, w: Windows): Criterion {
  const base = { id: "READY-5" as const, title: "A clean last week" };
  const week = w.lastWeek;
  const sts = input.entries.filter((e) => e.policyType === "sts" && inRange(e.day, week));
  const total = sts.reduce((s, e) => s + e.successful + e.failed, 0);
  const fails = input.failures.filter((f) => f.policyType === "sts" && inRange(f.day, week));
  const period = `${week.from} to ${week.to}`;
  if (total === 0)
    return {
      ...base,
      status: "unknown",
      summary: `No sts sessions reported from ${period}.`,
      evidence: [],
    };
  const stsProblems = fails.filter((f) => STS_TYPES.includes(f.resultType));
  const tls = fails.filter((f) => TLS_TYPES.includes(f.resultType));
  const tlsSessions = tls.reduce((s, f) => s + f.sessions, 0);
  const rate = tlsSessions / total;
  const evidence: string[] = [
    `${total} sts sessions from ${period}; ${tlsSessions} failed TLS (${formatRate(rate)}, limit ${formatRate(MAX_TLS_FAILURE_RATE)}).`,
  ];
  const problems: string[] = [];

  const fetchOnly = stsProblems.every((f) => f.resultType === "sts-policy-fetch-error");
  const oneReporterDay = new Set(stsProblems.map((f) => `${f.reporterKey} ${f.day}`)).size === 1;
  const hostHealthy =
    input.check !== null &&
    !input.check.report.results.some((r) => r.id.startsWith("CHK-HOST-") && r.severity === "error");
  if (stsProblems.length > 0) {
    const lines = [...groupFailures(stsProblems).values()].map(describeFailure);
    if (fetchOnly && oneReporterDay && hostHealthy) {
      evidence.push(
        `Waived: fetch errors from one reporter on one day while the checker shows the policy host healthy: ${lines.join("; ")}.`,
      );
    } else {
      const n = stsProblems.reduce((s, f) => s + f.sessions, 0);
      problems.push(`${n} policy fetch/validation failures`);
      evidence.push(...lines.map((l) => `Policy problem: ${l}.`));
    }
  }
  if (rate >= MAX_TLS_FAILURE_RATE) problems.push(`TLS failure rate ${formatRate(rate)}`);
  const groups = [...groupFailures(tls).values()];
  const unexplained = groups.filter(
    (g) => !g.f.reasonCode && !SELF_EXPLAINING.includes(g.f.resultType),
  );
  evidence.push(...groups.map((g) => `TLS failure: ${describeFailure(g)}.`));
  if (unexplained.length > 0)
    problems.push(
      `${unexplained.length} TLS failure ${unexplained.length === 1 ? "group" : "groups"} without a reason code`,
    );
  if (problems.length > 0)
    return { ...base, status: "not-met", summary: `${problems.join("; ")} (${period}).`, evidence };
  return {
    ...base,
    status: "met",
    summary: `No policy failures and ${formatRate(rate)} TLS failures from ${period}.`,
    evidence,
  };
}

export function ready6(input: ReadinessInput, w: Windows): Criterion {
  const base = {
    id: "READY-6" as const,
    title: "Every MX in the reports is covered by the policy",
  };
  if (!input.policy)
    return { ...base, status: "not-met", summary: "No policy is published yet.", evidence: [] };
  const patterns = input.policy.mx;
  const hosts = new Map<string, { sessions: number; days: Set<string>; orgs: Set<string> }>();
  for (const f of input.failures) {
    if (f.mxHost === null || f.mxHost === "" || !inRange(f.day, w.window)) continue;
    const h = hosts.get(f.mxHost) ?? { sessions: 0, days: new Set(), orgs: new Set() };
    h.sessions += f.sessions;
    h.days.add(f.day);
    h.orgs.add(f.organization);
    hosts.set(f.mxHost, h);
  }
  const uncovered = [...hosts].filter(([host]) => findMatchingPattern(patterns, host) === null);
  const evidence = [
    `Policy mx: ${patterns.join(", ") || "(none)"}.`,
    ...[...hosts].map(([host, h]) => {
      const p = findMatchingPattern(patterns, host);
      return `${host}: ${p ? `covered by ${p}` : "NOT covered"}; ${h.sessions} failed sessions on ${h.days.size} days, reported by ${[...h.orgs].join(", ")}.`;
    }),
  ];
  if (uncovered.length > 0)
    return {
      ...base,
      status: "not-met",
      summary: `Not covered: ${uncovered.map(([h]) => h).join(", ")}.`,
      evidence,
    };
  return {
    ...base,
    status: "met",
    summary:
      hosts.size === 0
        ? "No report named an MX host (reports name MX hosts only for failed sessions)."
        : `All ${hosts.size} MX hosts named in reports are covered.`,
    evidence,
  };
}
