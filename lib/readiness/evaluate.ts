import { checkFreshness, ready1, ready2 } from "./checker-criteria";
import { windows } from "./days";
import { refusalEstimate } from "./estimate";
import { ready7 } from "./policy-criteria";
import { mxVerdicts } from "./mx-verdict";
import { ready3 } from "./ready3";
import { ready4, ready5 } from "./report-criteria";
import { ready6 } from "./ready6";
import type { Readiness, ReadinessInput } from "./types";

/** Spec §15: each READY criterion with its evidence; ready only when all seven are met. */
export function evaluateReadiness(input: ReadinessInput): Readiness {
  const w = windows(input);
  const mx = mxVerdicts(input, w);
  const criteria = [
    ready1(input),
    ready2(input),
    ready3(input, w),
    ready4(input, w),
    ready5(input, w, mx),
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
    check: checkFreshness(input),
    mx,
  };
}
