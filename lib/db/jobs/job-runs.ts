import type { Db } from "../client";

// Issue 14 §1: what the settings page shows about scheduled jobs, what the re-check needs to
// resume, and the pruning of old claim rows (interval jobs write one per slot).

/** Who the scheduled re-check's CheckRun rows name as their actor. */
export const SCHEDULER_ACTOR = "scheduler";

export interface JobRunView {
  slot: string;
  status: "running" | "done" | "failed";
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  attempts: number;
  owner: string;
}

const asStatus = (s: string): JobRunView["status"] =>
  s === "done" || s === "failed" ? s : "running";

/** The newest run of each job (null for a job that never ran). */
export async function lastJobRuns(
  db: Db,
  jobs: readonly string[],
): Promise<Record<string, JobRunView | null>> {
  const out: Record<string, JobRunView | null> = {};
  for (const job of jobs) {
    const r = await db.jobRun.findFirst({
      where: { job },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    });
    out[job] = r
      ? {
          slot: r.slot,
          status: asStatus(r.status),
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
          error: r.error,
          attempts: r.attempts,
          owner: r.owner,
        }
      : null;
  }
  return out;
}

/** Domains the scheduler has a stored check of since `since` (a resumed re-check skips them),
 * by id: true when that check was watched too (else the resumed re-check only watches it). */
export async function domainsCheckedSince(db: Db, since: Date): Promise<Map<string, boolean>> {
  const rows = await db.checkRun.findMany({
    where: { actor: SCHEDULER_ACTOR, status: "done", startedAt: { gte: since } },
    select: { domainId: true, watchedAt: true },
  });
  const out = new Map<string, boolean>();
  for (const r of rows) out.set(r.domainId, out.get(r.domainId) === true || r.watchedAt !== null);
  return out;
}

/** Deletes finished claim rows older than `days` (the newest of each job stays). */
export async function pruneJobRuns(db: Db, days: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const keep = await db.jobRun.groupBy({ by: ["job"], _max: { startedAt: true } });
  let deleted = 0;
  for (const k of keep) {
    const newest = k._max.startedAt;
    const r = await db.jobRun.deleteMany({
      where: {
        job: k.job,
        status: { not: "running" },
        startedAt: { lt: newest && newest < cutoff ? newest : cutoff },
      },
    });
    deleted += r.count;
  }
  return deleted;
}
