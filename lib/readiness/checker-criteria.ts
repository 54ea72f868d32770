import type { CheckResult } from "@/lib/checker/types";
import type { Criterion, ReadinessInput } from "./types";

// READY-1 and READY-2 come from the latest checker run, never from reports (STS-OPS-12).

const READY1_PREFIXES = ["CHK-TXT-", "CHK-HOST-", "CHK-POL-", "CHK-RPT-"];
const READY2_IDS = ["CHK-MX-1", "CHK-MX-3", "CHK-MX-4", "CHK-MX-5"];

const line = (r: CheckResult): string =>
  `${r.id}${r.target ? ` (${r.target})` : ""} ${r.severity}: ${r.title}${r.evidence ? ` — ${r.evidence}` : ""}`;

/** READY-1/2 before the first checker run. */
const notRunYet = (base: Pick<Criterion, "id" | "title">): Criterion => ({
  ...base,
  status: "unknown",
  summary: "The checker has not run yet: run 1·Check.",
  evidence: [],
});

function ranAt(input: ReadinessInput): string {
  return input.check ? `Checker run of ${input.check.finishedAt.toISOString().slice(0, 16)}Z.` : "";
}

export function ready1(input: ReadinessInput): Criterion {
  const base = {
    id: "READY-1" as const,
    title: "No checker errors (DNS, policy host, policy, TLS-RPT)",
  };
  if (!input.check) return notRunYet(base);
  const results = input.check.report.results.filter((r) =>
    READY1_PREFIXES.some((p) => r.id.startsWith(p)),
  );
  const errors = results.filter((r) => r.severity === "error");
  if (errors.length > 0)
    return {
      ...base,
      status: "not-met",
      summary: `${errors.length} checker ${errors.length === 1 ? "error" : "errors"} to fix first.`,
      evidence: [ranAt(input), ...errors.map(line)],
    };
  return {
    ...base,
    status: "met",
    summary: `No errors among ${results.length} DNS, policy and TLS-RPT checks.`,
    evidence: [ranAt(input)],
  };
}

export function ready2(input: ReadinessInput): Criterion {
  const base = { id: "READY-2" as const, title: "Every MX passes STARTTLS and certificate checks" };
  if (!input.check) return notRunYet(base);
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
      evidence: [ranAt(input)],
    };
  const failing: string[] = [];
  const untested: string[] = [];
  const evidence = [ranAt(input)];
  for (const [host, results] of [...byHost].sort(([a], [b]) => a.localeCompare(b))) {
    const bad = results.filter((r) => r.severity === "error" || r.severity === "warning");
    const unknown = results.filter((r) => r.severity === "untested");
    const missing = READY2_IDS.filter((id) => !results.some((r) => r.id === id));
    if (bad.length > 0) failing.push(host);
    else if (unknown.length > 0 || missing.length > 0) untested.push(host);
    if (bad.length + unknown.length === 0 && missing.length === 0)
      evidence.push(`${host}: passes ${READY2_IDS.join(", ")}.`);
    evidence.push(...bad.map(line), ...unknown.map(line));
    if (missing.length > 0) evidence.push(`${host}: not tested for ${missing.join(", ")}.`);
  }
  if (failing.length > 0)
    return {
      ...base,
      status: "not-met",
      summary: `Failing: ${failing.join(", ")}.`,
      evidence,
    };
  if (untested.length > 0)
    return {
      ...base,
      status: "unknown",
      summary: `Could not test ${untested.join(", ")} (an untested MX never counts as passing).`,
      evidence,
    };
  return { ...base, status: "met", summary: `All ${byHost.size} MX hosts pass.`, evidence };
}

/** READY-3's first half: the TLS-RPT record is valid (CHK-RPT-1..3 without errors). */
export function tlsRptRecord(input: ReadinessInput): { valid: boolean | null; evidence: string } {
  if (!input.check) return { valid: null, evidence: "TLS-RPT record: not checked yet." };
  const rpt = input.check.report.results.filter((r) =>
    ["CHK-RPT-1", "CHK-RPT-2", "CHK-RPT-3"].includes(r.id),
  );
  const bad = rpt.filter((r) => r.severity === "error" || r.severity === "warning");
  if (rpt.length === 0) return { valid: null, evidence: "TLS-RPT record: not checked yet." };
  if (bad.length > 0)
    return { valid: false, evidence: `TLS-RPT record: ${bad.map(line).join("; ")}` };
  return { valid: true, evidence: "TLS-RPT record: valid (CHK-RPT-1..3)." };
}
