import { ready1, ready2 } from "./checker-criteria";
import { windows } from "./days";
import { refusalEstimate } from "./estimate";
import { ready7 } from "./policy-criteria";
import { ready3, ready4, ready5, ready6 } from "./report-criteria";
import type { Readiness, ReadinessInput } from "./types";

/** Spec §15: each READY criterion with its evidence; ready only when all seven are met. */
export function evaluateReadiness(input: ReadinessInput): Readiness {
  const w = windows(input);
  const criteria = [
    ready1(input),
    ready2(input),
    ready3(input, w),
    ready4(input, w),
    ready5(input, w),
    ready6(input, w),
    ready7(input),
  ];
  const metCount = criteria.filter((c) => c.status === "met").length;
  return {
    ready: metCount === criteria.length,
    metCount,
    criteria,
    window: w.window,
    lastWeek: w.lastWeek,
    refusals: refusalEstimate(input, w),
  };
}
