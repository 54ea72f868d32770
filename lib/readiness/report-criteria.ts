import type { MessageRef } from "@/lib/i18n/message-ref";
import { formatRate } from "@/lib/stats/aggregate";
import { readStsLines } from "@/lib/tlsrpt/sts-lines";
import { authReasons, claimsLarge, isLargeEvidence, quarantineEvidence } from "./auth-evidence";
import { MAX_TLS_FAILURE_RATE, STS_TYPES, TLS_TYPES } from "./constants";
import { inRange, type Windows } from "./days";
import { reporterDays } from "./failure-counts";
import { ev, evidenceOf, type EvidenceLine } from "./evidence-text";
import { reason, type Reason } from "./reason-text";
import type {
  Criterion,
  FailureEntry,
  MxVerdict,
  PolicyState,
  ReadinessInput,
  ReportEntry,
} from "./types";
import { formatCount } from "@/lib/core/format-number";

// READY-3..6: judged from the stored reports.

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

/** What the reporter's policy-strings show, against the policy being served. */
function stringsReason(entries: readonly ReportEntry[], policy: PolicyState | null): Reason {
  if (policy && entries.some((e) => showsPolicy(e, policy)))
    return reason("strings.current", { id: policy.policyId });
  const withStrings = entries.find((e) => e.policyStrings.length > 0);
  if (!withStrings) return reason("strings.none");
  const seen = readStsLines(withStrings.policyStrings);
  return reason("strings.other", {
    mode: seen.mode ?? "?",
    maxAge: seen.maxAge === null ? "?" : String(seen.maxAge),
  });
}

export function reportersSawPolicy(input: ReadinessInput, w: Windows): Criterion {
  const base = {
    id: "READY-4" as const,
    title: "At least 2 reporters, one large, and the current policy seen",
  };
  const sts = input.entries.filter((e) => e.policyType === "sts" && inRange(e.day, w.window));
  const byReporter = new Map<string, ReportEntry[]>();
  for (const e of sts) byReporter.set(e.reporterKey, [...(byReporter.get(e.reporterKey) ?? []), e]);
  // Each reporter's line quotes what its policy-strings show and how its reports were
  // authenticated (reasons, translated with the line).
  const lines = [...byReporter].map(([key, es]) => {
    const org = es[0]?.organization ?? key;
    const n = new Set(es.map((e) => e.day)).size;
    return ev(
      "reporter",
      { org, key, n },
      { strings: [stringsReason(es, input.policy)], auth: authReasons(es) },
    );
  });
  const quarantined = quarantineEvidence(input.quarantined);
  if (quarantined) lines.push(quarantined);
  const evidence = evidenceOf(lines);
  const large = [...byReporter.values()].filter((es) => es.some(isLargeEvidence)).length;
  const unproven = [...byReporter.values()].some(claimsLarge);
  const policy = input.policy;
  const seen = policy !== null && sts.some((e) => showsPolicy(e, policy));
  const problems: string[] = [];
  const refs: MessageRef[] = [];
  if (byReporter.size < 2) {
    problems.push(`${byReporter.size} reporter${byReporter.size === 1 ? "" : "s"} (need 2)`);
    refs.push({ key: "problems.fewReporters", params: { n: byReporter.size } });
  }
  if (large === 0) {
    problems.push(
      unproven
        ? "no DKIM-verified report from Google or Microsoft (unauthenticated ones count once an admin accepts the reporter)"
        : "no report from Google or Microsoft",
    );
    refs.push({ key: unproven ? "problems.noVerifiedLarge" : "problems.noLarge" });
  }
  if (!seen) {
    problems.push("no report shows the current policy in its policy-string");
    refs.push({ key: "problems.notSeen" });
  }
  const period = `${w.window.from} to ${w.window.to}`;
  if (problems.length > 0)
    return {
      ...base,
      status: "not-met",
      summary: `${problems.join("; ")} (${period}).`,
      problems: { list: refs, ...w.window },
      ...evidence,
    };
  return {
    ...base,
    status: "met",
    summary: `${byReporter.size} reporters, ${large} large, from ${period}; the current policy is seen.`,
    message: {
      key: "reportersMet",
      params: { count: byReporter.size, large, from: w.window.from, to: w.window.to },
    },
    ...evidence,
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

/** A failure group's parts, for a line's message (policyProblem, tlsFailure, waived). */
const failureParams = (g: { sessions: number; f: FailureEntry }) => ({
  day: g.f.day,
  org: g.f.organization,
  sessions: g.sessions,
  type: g.f.resultType,
  named: g.f.mxHost === null ? "no" : "yes",
  mx: g.f.mxHost ?? "",
  hasReason: g.f.reasonCode ? "yes" : "no",
  reason: g.f.reasonCode ?? "",
});

/** Types whose name says what is wrong; the catch-alls need a reason code (§10.3). */
const SELF_EXPLAINING = [
  "starttls-not-supported",
  "certificate-expired",
  "certificate-host-mismatch",
];

export function cleanLastWeek(
  input: ReadinessInput,
  w: Windows,
  mx: readonly MxVerdict[],
): Criterion {
  const base = { id: "READY-5" as const, title: "A clean last week" };
  const week = w.lastWeek;
  // RPT-JSON-6: failures are the summaries' total-failure-session-count (failure-counts.ts).
  const days = reporterDays(input, week);
  const total = days.reduce((s, r) => s + r.successful + r.failed, 0);
  const fails = input.failures.filter((f) => f.policyType === "sts" && inRange(f.day, week));
  const period = `${week.from} to ${week.to}`;
  if (total === 0)
    return {
      ...base,
      status: "unknown",
      summary: `No sts sessions reported from ${period}.`,
      message: { key: "noStsSessions", params: { from: week.from, to: week.to } },
      evidence: [],
    };
  const stsProblems = fails.filter((f) => STS_TYPES.includes(f.resultType));
  // Every failed session that is not a policy problem is a TLS failure, whatever its
  // result type (an unknown type is a failure too).
  const tlsSessions = days.reduce((s, r) => s + Math.max(0, r.failed - r.policy), 0);
  const undetailed = days.reduce((s, r) => s + Math.max(0, r.failed - r.detailed), 0);
  const tls = fails.filter((f) => !STS_TYPES.includes(f.resultType));
  const rate = tlsSessions / total;
  const lines: EvidenceLine[] = [
    ev("stsSessions", {
      total,
      from: week.from,
      to: week.to,
      failed: tlsSessions,
      rate: formatRate(rate),
      limit: formatRate(MAX_TLS_FAILURE_RATE),
    }),
  ];
  if (undetailed > 0) lines.push(ev("undetailed", { count: String(undetailed) }));
  const problems: string[] = [];
  const refs: MessageRef[] = [];

  const fetchOnly = stsProblems.every((f) => f.resultType === "sts-policy-fetch-error");
  const oneReporterDay = new Set(stsProblems.map((f) => `${f.reporterKey} ${f.day}`)).size === 1;
  const hostHealthy =
    input.check !== null &&
    !input.check.report.results.some((r) => r.id.startsWith("CHK-HOST-") && r.severity === "error");
  if (stsProblems.length > 0) {
    const groups = [...groupFailures(stsProblems).values()];
    if (fetchOnly && oneReporterDay && hostHealthy) {
      // The failures it waives, listed inside the sentence as reasons.
      const failures = groups.map((g) => reason("waived.failure", failureParams(g)));
      lines.push(ev("waived", {}, { failures }));
    } else {
      const n = stsProblems.reduce((s, f) => s + f.sessions, 0);
      problems.push(`${formatCount(n)} policy fetch/validation failures`);
      refs.push({ key: "problems.policyFailures", params: { n } });
      lines.push(...groups.map((g) => ev("policyProblem", failureParams(g))));
    }
  }
  if (rate >= MAX_TLS_FAILURE_RATE) {
    problems.push(`TLS failure rate ${formatRate(rate)}`);
    refs.push({ key: "problems.tlsRate", params: { rate: formatRate(rate) } });
  }
  const groups = [...groupFailures(tls).values()];
  const unexplained = groups.filter(
    (g) => !g.f.reasonCode && !SELF_EXPLAINING.includes(g.f.resultType),
  );
  lines.push(
    ...groups.map((g) =>
      ev("tlsFailure", {
        ...failureParams(g),
        unknownType: TLS_TYPES.includes(g.f.resultType) ? "no" : "yes",
      }),
    ),
  );
  if (unexplained.length > 0) {
    problems.push(
      `${unexplained.length} TLS failure ${unexplained.length === 1 ? "group" : "groups"} without a reason code`,
    );
    refs.push({ key: "problems.noReasonCode", params: { n: unexplained.length } });
  }
  for (const m of mx.filter((v) => v.blocking)) {
    problems.push(m.reason.replace(/\.$/, ""));
    // The MX verdict's own sentence (mx-verdict.ts), without its full stop.
    refs.push({ key: "problems.mx", params: { host: m.host } });
  }
  if (problems.length > 0)
    return {
      ...base,
      status: "not-met",
      summary: `${problems.join("; ")} (${period}).`,
      problems: { list: refs, from: week.from, to: week.to },
      ...evidenceOf(lines),
    };
  return {
    ...base,
    status: "met",
    summary: `No policy failures and ${formatRate(rate)} TLS failures from ${period}; no MX keeps failing.`,
    message: {
      key: "cleanWeek",
      params: { rate: formatRate(rate), from: week.from, to: week.to },
    },
    ...evidenceOf(lines),
  };
}
