import type { MetricSample } from "@/lib/metrics/sample";
import { getDb, type Db } from "../client";

// Issue 14 §4 (the jobs half): scheduled job runs and failures per job, counted from the
// JobRun rows (so every instance reports the installation's totals; the rows of interval
// jobs are pruned after a week, so these count what the table still holds).
export async function jobMetrics(db?: Db): Promise<MetricSample[]> {
  db ??= await getDb();
  const rows = await db.jobRun.groupBy({ by: ["job", "status"], _count: { _all: true } });
  const runs = new Map<string, number>();
  const failed = new Map<string, number>();
  for (const r of rows) {
    if (r.status === "running") continue;
    runs.set(r.job, (runs.get(r.job) ?? 0) + r._count._all);
    if (r.status === "failed") failed.set(r.job, (failed.get(r.job) ?? 0) + r._count._all);
  }
  const out: MetricSample[] = [];
  for (const [job, value] of runs) {
    out.push({
      name: "sts_jobs_run_total",
      help: "Scheduled job runs finished (done or failed), per job.",
      type: "counter",
      labels: { job },
      value,
    });
    out.push({
      name: "sts_jobs_failed_total",
      help: "Scheduled job runs that failed, per job.",
      type: "counter",
      labels: { job },
      value: failed.get(job) ?? 0,
    });
  }
  return out;
}
