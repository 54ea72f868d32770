import type { Db } from "@/lib/db/client";
import { lastJobRuns } from "@/lib/db/jobs/job-runs";
import { describeSchedule, scheduleRef } from "@/lib/jobs/schedule";
import { appJobs, JOB_TITLES, type JobName } from "./app-jobs";

// What the settings page's "Scheduled jobs" section shows, as plain JSON.

export interface ScheduledJobRow {
  name: JobName;
  title: string;
  schedule: string;
  /** The schedule as a message ref ("settings.jobs.schedule"), for the page's language. */
  scheduleRef: ReturnType<typeof scheduleRef>;
  last: {
    slot: string;
    status: "running" | "done" | "failed";
    startedAt: string;
    finishedAt: string | null;
    error: string | null;
    attempts: number;
  } | null;
}

export async function listScheduledJobs(db: Db): Promise<ScheduledJobRow[]> {
  const jobs = appJobs(db);
  const last = await lastJobRuns(
    db,
    jobs.map((j) => j.name),
  );
  return jobs.map((j) => {
    const name = j.name as JobName;
    const r = last[name] ?? null;
    return {
      name,
      title: JOB_TITLES[name],
      schedule: describeSchedule(j.schedule),
      scheduleRef: scheduleRef(j.schedule),
      last: r
        ? {
            slot: r.slot,
            status: r.status,
            startedAt: r.startedAt.toISOString(),
            finishedAt: r.finishedAt?.toISOString() ?? null,
            error: r.error,
            attempts: r.attempts,
          }
        : null,
    };
  });
}
