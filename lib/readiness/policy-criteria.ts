import { ROLLBACK_MAX_AGE } from "./constants";
import { dayParams, ev, evidenceOf } from "./evidence-text";
import type { Criterion, ReadinessInput } from "./types";

/** READY-7: a rollback plan exists (max_age ≤ 1 week; the operator knows what it takes). */
export function shortMaxAge(input: ReadinessInput): Criterion {
  const base = { id: "READY-7" as const, title: "A short max_age keeps a rollback possible" };
  const p = input.policy;
  if (!p)
    return {
      ...base,
      status: "not-met",
      summary: "No policy is published yet.",
      message: { key: "noPolicy" },
      evidence: [],
    };
  const evidence = evidenceOf([
    ev("servedPolicy", {
      id: p.policyId,
      mode: p.mode,
      maxAge: String(p.maxAge),
      ...dayParams(p.maxAge),
    }),
    ev("rollback", dayParams(p.maxAge)),
  ]);
  if (p.maxAge > ROLLBACK_MAX_AGE)
    return {
      ...base,
      status: "not-met",
      summary: `max_age ${p.maxAge} is over one week (${ROLLBACK_MAX_AGE}): lower it before enforcing.`,
      message: {
        key: "maxAgeTooLong",
        params: { maxAge: String(p.maxAge), limit: String(ROLLBACK_MAX_AGE) },
      },
      ...evidence,
    };
  return {
    ...base,
    status: "met",
    summary: `max_age ${p.maxAge} ≤ one week.`,
    message: { key: "maxAgeShort", params: { maxAge: String(p.maxAge) } },
    ...evidence,
  };
}
