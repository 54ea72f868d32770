import type { CheckResult } from "@/lib/checker/types";
import { ev, evidenceOf, plainLine, type EvidenceLine } from "./evidence-text";
import { reason, type Quoted, type Reason } from "./reason-text";
import type { CheckFreshness, Criterion, ReadinessInput } from "./types";

// READY-1 and READY-2 come from the latest checker run, never from reports (STS-OPS-12).

const READY1_PREFIXES = ["CHK-TXT-", "CHK-HOST-", "CHK-POL-", "CHK-RPT-"];
const READY2_IDS = ["CHK-MX-1", "CHK-MX-3", "CHK-MX-4", "CHK-MX-5"];

/**
 * A checker result quoted in the evidence: its id, severity and stored texts; the title and
 * evidence with their refs (namespace `checks`) where the run stored them, else as stored
 * (raw data, runs from before the refs).
 */
function resultReason(r: CheckResult): Reason {
  const quoted: Quoted = {};
  for (const part of ["title", "evidence"] as const) {
    const ref = r.i18n?.[part];
    if (ref) quoted[part] = [{ text: r[part], ref: { ...ref, namespace: "checks" } }];
  }
  const params = {
    id: r.id,
    hasTarget: r.target ? "yes" : "no",
    target: r.target ?? "",
    severity: r.severity,
    title: r.title,
    hasEvidence: r.evidence ? "yes" : "no",
    evidence: r.evidence,
  };
  return reason("checker.result", params, quoted);
}
const resultLine = (r: CheckResult): EvidenceLine =>
  ev("checkerResult", {}, { result: [resultReason(r)] });

/** READY-1/2 before the first checker run. */
const notRunYet = (base: Pick<Criterion, "id" | "title">): Criterion => ({
  ...base,
  status: "unknown",
  summary: "The checker has not run yet: run 1·Check.",
  message: { key: "notRunYet" },
  evidence: [],
});

const stamp = (d: Date) => `${d.toISOString().slice(0, 16)}Z`;

/**
 * READY-1/2 judge only a finished run newer than the served policy version and younger
 * than STS_CHECK_MAX_AGE_HOURS: an older run tested something else, or too long ago.
 */
export function checkFreshness(input: ReadinessInput): CheckFreshness {
  const c = input.check;
  if (!c)
    return {
      state: "missing",
      reason: "The checker has not run yet: run a check.",
      message: { key: "checkMissing" },
    };
  const p = input.policy;
  if (p && c.finishedAt.getTime() < p.createdAt.getTime())
    return {
      state: "stale",
      reason: `The last check (${stamp(c.finishedAt)}) ran before the current policy version ${p.policyId} was saved (${stamp(p.createdAt)}): run a new check.`,
      message: {
        key: "checkBeforePolicy",
        params: { ran: stamp(c.finishedAt), id: p.policyId, saved: stamp(p.createdAt) },
      },
    };
  const hours = (input.now.getTime() - c.finishedAt.getTime()) / 3_600_000;
  if (hours > input.checkMaxAgeHours)
    return {
      state: "stale",
      reason: `The last check (${stamp(c.finishedAt)}) is ${Math.floor(hours)} hours old, over the ${input.checkMaxAgeHours}-hour limit: run a new check.`,
      message: {
        key: "checkTooOld",
        params: {
          ran: stamp(c.finishedAt),
          hours: Math.floor(hours),
          limit: input.checkMaxAgeHours,
        },
      },
    };
  return { state: "fresh", reason: "" };
}

/** READY-1/2 with no fresh run: never judged from old evidence. */
function needsRun(base: Pick<Criterion, "id" | "title">, input: ReadinessInput): Criterion | null {
  const f = checkFreshness(input);
  if (f.state === "fresh") return null;
  if (f.state === "missing") return notRunYet(base);
  return {
    ...base,
    status: "not-met",
    summary: f.reason,
    message: f.message,
    ...evidenceOf([ranAt(input)]),
  };
}

function ranAt(input: ReadinessInput): EvidenceLine {
  return input.check
    ? ev("checkerRun", { time: `${input.check.finishedAt.toISOString().slice(0, 16)}Z` })
    : plainLine("");
}

export function noCheckerErrors(input: ReadinessInput): Criterion {
  const base = {
    id: "READY-1" as const,
    title: "No checker errors (DNS, policy host, policy, TLS-RPT)",
  };
  const stale = needsRun(base, input);
  if (stale || !input.check) return stale ?? notRunYet(base);
  const results = input.check.report.results.filter((r) =>
    READY1_PREFIXES.some((p) => r.id.startsWith(p)),
  );
  const errors = results.filter((r) => r.severity === "error");
  if (errors.length > 0)
    return {
      ...base,
      status: "not-met",
      summary: `${errors.length} checker ${errors.length === 1 ? "error" : "errors"} to fix first.`,
      message: { key: "checkerErrors", params: { count: errors.length } },
      ...evidenceOf([ranAt(input), ...errors.map(resultLine)]),
    };
  const untested = results.filter((r) => r.severity === "untested");
  if (untested.length > 0)
    return {
      ...base,
      status: "unknown",
      summary: `${untested.length} ${untested.length === 1 ? "check" : "checks"} could not run (an untested check never counts as passing).`,
      message: { key: "checksUntested", params: { count: untested.length } },
      ...evidenceOf([ranAt(input), ...untested.map(resultLine)]),
    };
  return {
    ...base,
    status: "met",
    summary: `No errors among ${results.length} DNS, policy and TLS-RPT checks.`,
    message: { key: "noCheckerErrors", params: { count: results.length } },
    ...evidenceOf([ranAt(input)]),
  };
}

export function mxHostsPassTls(input: ReadinessInput): Criterion {
  const base = { id: "READY-2" as const, title: "Every MX passes STARTTLS and certificate checks" };
  const stale = needsRun(base, input);
  if (stale || !input.check) return stale ?? notRunYet(base);
  const byHost = new Map<string, CheckResult[]>();
  for (const r of input.check.report.results) {
    if (!READY2_IDS.includes(r.id) || !r.target) continue;
    byHost.set(r.target, [...(byHost.get(r.target) ?? []), r]);
  }
  if (byHost.size === 0)
    return {
      ...base,
      status: "unknown",
      summary: "The last checker run tested no MX host.",
      message: { key: "noMxTested" },
      ...evidenceOf([ranAt(input)]),
    };
  const failing: string[] = [];
  const untested: string[] = [];
  const lines = [ranAt(input)];
  for (const [host, results] of [...byHost].sort(([a], [b]) => a.localeCompare(b))) {
    const bad = results.filter((r) => r.severity === "error" || r.severity === "warning");
    const unknown = results.filter((r) => r.severity === "untested");
    const missing = READY2_IDS.filter((id) => !results.some((r) => r.id === id));
    if (bad.length > 0) failing.push(host);
    else if (unknown.length > 0 || missing.length > 0) untested.push(host);
    if (bad.length + unknown.length === 0 && missing.length === 0)
      lines.push(ev("mxPasses", { host, ids: READY2_IDS.join(", ") }));
    lines.push(...bad.map(resultLine), ...unknown.map(resultLine));
    if (missing.length > 0) lines.push(ev("mxNotTested", { host, ids: missing.join(", ") }));
  }
  const evidence = evidenceOf(lines);
  if (failing.length > 0)
    return {
      ...base,
      status: "not-met",
      summary: `Failing: ${failing.join(", ")}.`,
      message: { key: "mxFailing", params: { hosts: failing.join(", ") } },
      ...evidence,
    };
  if (untested.length > 0)
    return {
      ...base,
      status: "unknown",
      summary: `Could not test ${untested.join(", ")} (an untested MX never counts as passing).`,
      message: { key: "mxUntested", params: { hosts: untested.join(", ") } },
      ...evidence,
    };
  return {
    ...base,
    status: "met",
    summary: `All ${byHost.size} MX hosts pass.`,
    message: { key: "mxPass", params: { count: byHost.size } },
    ...evidence,
  };
}

/** READY-3's first half: the TLS-RPT record is valid (CHK-RPT-1..3 without errors). */
export function tlsRptRecord(input: ReadinessInput): {
  valid: boolean | null;
  evidence: EvidenceLine;
} {
  if (!input.check) return { valid: null, evidence: ev("rptNotChecked") };
  const rpt = input.check.report.results.filter((r) =>
    ["CHK-RPT-1", "CHK-RPT-2", "CHK-RPT-3"].includes(r.id),
  );
  const bad = rpt.filter((r) => r.severity === "error" || r.severity === "warning");
  if (rpt.length === 0) return { valid: null, evidence: ev("rptNotChecked") };
  if (bad.length > 0)
    return { valid: false, evidence: ev("rptProblems", {}, { results: bad.map(resultReason) }) };
  return { valid: true, evidence: ev("rptValid") };
}
