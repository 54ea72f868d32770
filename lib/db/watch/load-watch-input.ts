import type { Db } from "../client";
import { listPolicyVersions } from "../policies/policies";
import { getLastReportDay } from "../stats/get-last-report-day";
import type { CheckReport } from "@/lib/checker/types";
import { addDays, dayOf } from "@/lib/watch/dates";
import type { WatchInput, WatchRollup, WatchRun, WatchThresholds } from "@/lib/watch/types";

// The watch's inputs for one domain (issue 14): recent finished check runs with facts, the
// policy versions, the rollups of the failure window and a baseline before it.

/** Runs looked at: the latest, the previous, and earlier ones for "seen before" (CHK-OPS-4). */
const RUNS = 30;
/** Days of rollups before the failure window that count as "seen before" (new result types). */
const BASELINE_DAYS = 60;

export interface LoadedWatchInput {
  input: WatchInput;
  /** The run the check-based findings are about (runs[0]), or null. */
  latestRunId: string | null;
  /** The newest finished run, usable or not: the one this watch marks as watched. */
  newestRunId: string | null;
}

function toRun(row: { finishedAt: Date | null; startedAt: Date; report: string }): WatchRun | null {
  try {
    const report = JSON.parse(row.report) as Partial<CheckReport>;
    if (!report.facts || !Array.isArray(report.results)) return null;
    return { at: row.finishedAt ?? row.startedAt, facts: report.facts, results: report.results };
  } catch {
    return null;
  }
}

export async function loadWatchInput(
  db: Db,
  domain: { id: string; name: string },
  now: Date,
  thresholds: WatchThresholds,
): Promise<LoadedWatchInput> {
  const since = addDays(dayOf(now), -(thresholds.failureWindowDays + BASELINE_DAYS));
  const [rows, versions, rollups, lastReportDay] = await Promise.all([
    db.checkRun.findMany({
      where: { domainId: domain.id, status: "done", startedAt: { lte: now } },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: RUNS,
      select: { id: true, startedAt: true, finishedAt: true, report: true },
    }),
    listPolicyVersions(db, domain.id),
    db.$queryRaw<{ day: string; mxHost: string; resultType: string; sessions: unknown }[]>`
      SELECT "day", "mxHost", "resultType", SUM("sessions") AS "sessions"
      FROM "DailyRollup"
      WHERE "domainId" = ${domain.id} AND "day" >= ${since}
      GROUP BY "day", "mxHost", "resultType"`,
    getLastReportDay(db, domain.id),
  ]);
  const runs: { id: string; run: WatchRun }[] = [];
  for (const row of rows) {
    const run = toRun(row);
    if (run) runs.push({ id: row.id, run });
  }
  // The newest run must carry facts: a run stored before issue 14 is not judged.
  const usable = runs[0]?.id === rows[0]?.id ? runs : [];
  const watchRollups: WatchRollup[] = rollups.map((r) => ({
    day: r.day,
    mxHost: r.mxHost,
    resultType: r.resultType,
    // PostgreSQL answers SUM as bigint.
    sessions: Number(r.sessions),
  }));
  return {
    latestRunId: usable[0]?.id ?? null,
    newestRunId: rows[0]?.id ?? null,
    input: {
      domain: domain.name,
      now,
      runs: usable.map((r) => r.run),
      versions: versions.map((v) => ({
        seq: v.seq,
        policyId: v.policyId,
        mode: v.mode,
        maxAge: v.maxAge,
        mx: v.mx,
        body: v.body,
        createdAt: v.createdAt,
      })),
      rollups: watchRollups,
      lastReportDay,
      thresholds,
    },
  };
}
