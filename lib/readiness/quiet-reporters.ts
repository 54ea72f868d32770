import { lateLine } from "./completeness";
import { ev, plainLine, withEvidence, type EvidenceLine } from "./evidence-text";
import { reason, withReasons } from "./reason-text";
import type { OlderPolicyEntry } from "./policy-epochs";
import type { Coverage, Criterion, SideFailure } from "./types";

// Issue 15: what the coverage adds to the criteria' evidence. A quiet usual reporter's
// silence is never a clean week: READY-5 cannot be met while one is quiet.

/** A sender-side or unknown failure, with its reason (failure-side.ts) quoted. */
function sideLine(s: SideFailure): EvidenceLine {
  const params = {
    day: s.day,
    org: s.organization,
    sessions: s.sessions,
    type: s.resultType,
    named: s.mxHost === null ? "no" : "yes",
    mx: s.mxHost ?? "",
    hasReason: s.reasonCode ? "yes" : "no",
    reason: s.reasonCode ?? "",
  };
  const key = s.side === "sender" ? "sideSender" : "sideUnknown";
  // `whyRef` is optional (a SideFailure kept from before it existed): then `why` as is.
  if (!s.whyRef) return plainLine(ev(key, { ...params, why: s.why }).text);
  return ev(key, params, { why: [{ text: s.why, ref: s.whyRef }] });
}

/** Days whose only reports had zero sessions: no mail, so no coverage (issue 15 item 3). */
function zeroSessionDays(cov: Coverage): EvidenceLine[] {
  return cov.days.flatMap((day, i) => {
    const cells = cov.rows.map((r) => ({ org: r.organization, cell: r.cells[i] }));
    if (cells.some((c) => c.cell?.state === "reported" || c.cell?.state === "older-policy"))
      return [];
    const zero = cells.filter((c) => c.cell?.state === "zero-sessions").map((c) => c.org);
    return zero.length > 0 ? [ev("zeroSessions", { day, orgs: zero.join(", ") })] : [];
  });
}

export function withCoverage(
  c: Criterion,
  cov: Coverage,
  sides: readonly SideFailure[],
  older: readonly OlderPolicyEntry[],
): Criterion {
  if (c.id === "READY-3") {
    return withEvidence(c, [
      ...(cov.lastComplete ? [ev("lastComplete", { day: cov.lastComplete })] : []),
      ...cov.open.map((o) =>
        ev("notJudgedYet", {
          day: o.day,
          missing: o.missing.join(", "),
          grace: String(cov.graceDays),
        }),
      ),
      ...cov.late.map(lateLine),
      ...zeroSessionDays(cov),
    ]);
  }
  if (c.id === "READY-4" && older.length > 0) {
    return withEvidence(
      c,
      older.map((o) =>
        ev("olderPolicy", { day: o.entry.day, org: o.entry.organization, policyId: o.policyId }),
      ),
    );
  }
  if (c.id !== "READY-5") return c;
  // Side lines quote failure-side's reason, the quiet line its reporters (reasons).
  const more = sides.filter((s) => s.side !== "ours").map(sideLine);
  const quiet = cov.rows.filter((r) => r.quiet);
  if (quiet.length === 0) return withEvidence(c, more);
  const reporters = quiet.map((r) =>
    reason("quiet.reporter", {
      org: r.organization,
      hasDay: r.lastDay ? "yes" : "no",
      day: r.lastDay ?? "",
    }),
  );
  const said = reason(
    "quiet.line",
    { n: quiet.length, from: cov.recent.from, to: cov.recent.to },
    { reporters },
  );
  const line = said.text;
  more.push(ev("quietReporter", {}, { line: [said] }));
  const { evidence, evidenceRefs } = withEvidence(c, more);
  const quietSentence = withReasons({ key: "quietReporters" }, { line: [said] });
  // Added to a not-met summary: its own message stays, the quiet sentence follows it.
  if (c.status !== "met")
    return {
      ...c,
      summary: `${c.summary} ${line}.`,
      ...(c.message || c.problems ? { summaryMore: quietSentence } : {}),
      evidence,
      evidenceRefs,
    };
  return {
    ...c,
    status: "unknown",
    summary: `${line}.`,
    message: quietSentence,
    problems: undefined,
    evidence,
    evidenceRefs,
  };
}
