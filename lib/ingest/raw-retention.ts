// Prunes raw inputs past STS_RAW_RETENTION_DAYS and refused submissions past
// STS_REJECTED_RETENTION_DAYS (issue 11, disk). Run by the scheduler's daily
// "prune-raw-inputs" job (lib/scheduler, issue 14), once per installation however many
// instances serve it; a failure fails the job run, which the settings page shows.
import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { pruneJobRuns } from "@/lib/db/jobs/job-runs";
import { pruneRawInputs } from "@/lib/db/reports/prune-raw-inputs";
import { pruneRejected } from "@/lib/db/reports/rejected";
import { logger } from "@/lib/log";

/** Finished scheduled-job rows are kept this many days (interval jobs write one a minute). */
const JOB_RUN_RETENTION_DAYS = 7;

export async function pruneRawInputsNow(now = new Date()): Promise<void> {
  const s = settings();
  const db = await getDb();
  const days = s.STS_RAW_RETENTION_DAYS;
  const out = await pruneRawInputs(db, days, now);
  if (out.expired > 0 || out.orphaned > 0) logger.info({ ...out, days }, "raw inputs pruned");
  const rejectedDays = s.STS_REJECTED_RETENTION_DAYS;
  const rejected = await pruneRejected(db, rejectedDays, now);
  if (rejected > 0) logger.info({ rejected, days: rejectedDays }, "rejected submissions pruned");
  const jobRuns = await pruneJobRuns(db, JOB_RUN_RETENTION_DAYS, now);
  if (jobRuns > 0) logger.info({ jobRuns }, "old scheduled-job rows pruned");
}
