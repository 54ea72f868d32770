// Issue 11: per report at most MAX_POLICIES policy entries and MAX_FAILURE_DETAILS
// failure-detail rows are kept (budget.ts). Past those, the counts stay in the totals and
// the extra rows are dropped with a warning saying how many: a dropped entry's summary is
// added to the kept entry of the same (policy-type, policy-domain), which leaves every
// domain's sessions as they were (domain-totals.ts adds entries of one type, RPT-JSON-7).
import type { ReadContext } from "./fields";
import { normalizePolicy } from "./normalize-policy";
import type { NormalizedPolicy } from "./types";
import { wt } from "./warnings";

const keyOf = (p: NormalizedPolicy) =>
  p.policyDomain === null ? `${p.policyType}\u0000` : `${p.policyType}\u0000.${p.policyDomain}`;

const addSafe = (a: number, b: number) => Math.min(a + b, Number.MAX_SAFE_INTEGER);

export function normalizePolicies(
  entries: readonly unknown[],
  ctx: ReadContext,
): NormalizedPolicy[] {
  const max = ctx.limits.policies;
  const kept: NormalizedPolicy[] = [];
  const n = Math.min(entries.length, max);
  for (let i = 0; i < n; i++) kept.push(normalizePolicy(entries[i], `policies[${i}]`, ctx));
  if (entries.length > max) foldDropped(entries, kept, ctx);
  if (ctx.detailRowsDropped > 0) {
    const limit = ctx.limits.failureDetails;
    ctx.warn.add(
      "RPT-ING-1",
      wt(
        `failure-details: ${limit + ctx.detailRowsDropped} rows in this report; the limit is ${limit} per report, so ${ctx.detailRowsDropped} rows were dropped (the summary counts are unchanged)`,
        "detailRowsDropped",
        {
          rows: String(limit + ctx.detailRowsDropped),
          limit: String(limit),
          dropped: String(ctx.detailRowsDropped),
        },
      ),
    );
  }
  return kept;
}

function foldDropped(entries: readonly unknown[], kept: NormalizedPolicy[], ctx: ReadContext) {
  const max = ctx.limits.policies;
  const byKey = new Map<string, NormalizedPolicy>();
  for (const p of kept) if (!byKey.has(keyOf(p))) byKey.set(keyOf(p), p);
  let unmatched = 0;
  let lostSessions = 0;
  for (let i = max; i < entries.length; i++) {
    const p = normalizePolicy(entries[i], `policies[${i}]`, ctx, false);
    const into = byKey.get(keyOf(p));
    if (into) {
      into.totalSuccessfulSessionCount = addSafe(
        into.totalSuccessfulSessionCount,
        p.totalSuccessfulSessionCount,
      );
      into.totalFailureSessionCount = addSafe(
        into.totalFailureSessionCount,
        p.totalFailureSessionCount,
      );
    } else {
      unmatched += 1;
      lostSessions = addSafe(
        lostSessions,
        p.totalSuccessfulSessionCount + p.totalFailureSessionCount,
      );
    }
  }
  const dropped = entries.length - max;
  const lost =
    unmatched === 0
      ? ""
      : `; ${unmatched} of them had no kept entry of that type and domain, so their ${lostSessions} sessions are not counted`;
  ctx.warn.add(
    "RPT-ING-1",
    wt(
      `policies: ${entries.length} entries; the limit is ${max} per report, so ${dropped} were dropped (their session counts were added to the kept entry of the same type and domain${lost})`,
      "entriesDropped",
      {
        entries: String(entries.length),
        limit: String(max),
        dropped: String(dropped),
        lost: unmatched === 0 ? "no" : "yes",
        unmatched: String(unmatched),
        sessions: String(lostSessions),
      },
    ),
  );
}
