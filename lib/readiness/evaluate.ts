import { checkFreshness, noCheckerErrors, mxHostsPassTls } from "./checker-criteria";
import { completeness, DEFAULT_GRACE_DAYS } from "./completeness";
import { coverage } from "./coverage";
import { withAuthLine } from "./auth-evidence";
import { inRange, windows } from "./days";
import { refusalEstimate } from "./estimate";
import { judgedInput } from "./judged-input";
import { shortMaxAge } from "./policy-criteria";
import { olderPolicyEntries } from "./policy-epochs";
import { mxVerdicts } from "./mx-verdict";
import { withCoverage } from "./quiet-reporters";
import { testingDaysSeen } from "./testing-days";
import { reportersSawPolicy, cleanLastWeek } from "./report-criteria";
import { reportedMxCovered } from "./reported-mx-coverage";
import type { Readiness, ReadinessInput } from "./types";

/** Spec §15: each READY criterion with its evidence; ready only when all seven are met. */
export function evaluateReadiness(raw: ReadinessInput): Readiness {
  // Issue 15: complete days only, older cached policies and sender-side failures apart.
  const grace = raw.graceDays ?? DEFAULT_GRACE_DAYS;
  const older = olderPolicyEntries(raw);
  const done = completeness(raw, grace);
  const w = windows(raw, done.lastComplete);
  const judged = judgedInput(raw, done.lastComplete, older, w.window);
  const input = judged.input;
  const cov = coverage(raw, w, done, older, grace);
  const mx = mxVerdicts(input, w);
  const criteria = [
    noCheckerErrors(input),
    mxHostsPassTls(input),
    testingDaysSeen(judged.days, w),
    reportersSawPolicy(input, w),
    cleanLastWeek(input, w, mx),
    reportedMxCovered(input, w),
    shortMaxAge(input),
  ]
    .map((c) => withCoverage(c, cov, judged.sides, older))
    .map((c) =>
      withAuthLine(
        c,
        input.entries.filter((e) => inRange(e.day, c.id === "READY-5" ? w.lastWeek : w.window)),
      ),
    );
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
    coverage: cov,
    sides: judged.sides,
  };
}
