import type { Db } from "../client";
import { diffReports, type ResultChange } from "@/lib/checker/index";
import type { CheckReport, CheckSummary } from "@/lib/checker/types";
import { withFindings } from "@/lib/watch/as-check-results";
import {
  getCheckRun,
  latestCheckRun,
  listCheckRuns,
  previousCheckRun,
  type CheckRunStatus,
  type CheckRunSummary,
} from "./checks";

// What step 1 shows, as plain JSON: the same shape for the server's first paint and for the
// API the page refetches from.

export interface CheckRunJson {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: CheckRunStatus;
  summary: CheckSummary;
  actor: string;
}

export interface CheckRunView {
  run: CheckRunJson;
  report: CheckReport | null;
  /** The finished run before this one, or null for the first run. */
  previous: CheckRunJson | null;
  /** What changed since `previous`; null when there is no previous run. */
  changes: ResultChange[] | null;
}

export interface CheckHistory {
  runs: CheckRunJson[];
}

export const runJson = (r: CheckRunSummary): CheckRunJson => ({
  id: r.id,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  status: r.status,
  summary: r.summary,
  actor: r.actor,
});

/** One run of the domain (the latest finished one without `runId`), or null. */
export async function loadCheckRunView(
  db: Db,
  domainId: string,
  runId?: string,
): Promise<CheckRunView | null> {
  const run = runId ? await getCheckRun(db, runId) : await latestCheckRun(db, domainId);
  if (!run || run.domainId !== domainId) return null;
  const previous = run.report ? await previousCheckRun(db, run) : null;
  // Issue 14: what the watch found after this run (CHK-OPS-1..4) shows among its results.
  const findings = run.report
    ? await db.watchFinding.findMany({
        where: { checkRunId: run.id, kind: { startsWith: "CHK-OPS-" } },
        select: {
          kind: true,
          subject: true,
          severity: true,
          title: true,
          detail: true,
          fix: true,
          i18n: true,
        },
      })
    : [];
  return {
    run: runJson(run),
    report: run.report ? withFindings(run.report, findings) : null,
    previous: previous ? runJson(previous) : null,
    changes: previous?.report && run.report ? diffReports(previous.report, run.report) : null,
  };
}

export async function loadCheckHistory(
  db: Db,
  domainId: string,
  limit = 20,
): Promise<CheckHistory> {
  return { runs: (await listCheckRuns(db, domainId, limit)).map(runJson) };
}
