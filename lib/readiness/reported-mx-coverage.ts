import { findMatchingPattern } from "@/lib/mta-sts/mx-pattern";
import { inRange, type Windows } from "./days";
import type { Criterion, ReadinessInput } from "./types";
import { ev, evidenceOf } from "./evidence-text";

/** READY-6: every MX host named in a report is covered by the policy. */
export function reportedMxCovered(input: ReadinessInput, w: Windows): Criterion {
  const base = {
    id: "READY-6" as const,
    title: "Every MX in the reports is covered by the policy",
  };
  if (!input.policy)
    return {
      ...base,
      status: "not-met",
      summary: "No policy is published yet.",
      message: { key: "noPolicy" },
      evidence: [],
    };
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
  const evidence = evidenceOf([
    ev("policyMx", {
      hasPatterns: patterns.length > 0 ? "yes" : "no",
      patterns: patterns.join(", "),
    }),
    ...[...hosts].map(([host, h]) => {
      const p = findMatchingPattern(patterns, host);
      return ev("reportedMx", {
        host,
        covered: p ? "yes" : "no",
        pattern: p ?? "",
        sessions: h.sessions,
        days: String(h.days.size),
        orgs: [...h.orgs].join(", "),
      });
    }),
  ]);
  if (uncovered.length > 0)
    return {
      ...base,
      status: "not-met",
      summary: `Not covered: ${uncovered.map(([h]) => h).join(", ")}.`,
      message: { key: "notCovered", params: { hosts: uncovered.map(([h]) => h).join(", ") } },
      ...evidence,
    };
  return {
    ...base,
    status: "met",
    summary:
      hosts.size === 0
        ? "No report named an MX host (reports name MX hosts only for failed sessions)."
        : `All ${hosts.size} MX hosts named in reports are covered.`,
    message:
      hosts.size === 0
        ? { key: "noMxNamed" }
        : { key: "allMxCovered", params: { count: hosts.size } },
    ...evidence,
  };
}
