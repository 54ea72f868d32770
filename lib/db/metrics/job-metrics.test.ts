import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../db.test-utils";
import { jobMetrics } from "./job-metrics";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

const row = (job: string, slot: string, status: string) => ({
  job,
  slot,
  status,
  owner: "o",
  leaseUntil: new Date("2026-12-01T10:00:00.000Z"),
  ...(status === "failed" ? { error: "x" } : {}),
});

describe("job metrics (issue 14 §4)", () => {
  it("counts finished runs and failures per job; a running one is not counted yet", async () => {
    expect(await jobMetrics(t.db)).toEqual([]);
    await t.db.jobRun.createMany({
      data: [
        row("poll-mailboxes", "s1", "done"),
        row("poll-mailboxes", "s2", "failed"),
        row("poll-mailboxes", "s3", "done"),
        row("recheck-domains", "s1", "running"),
        row("deliver-alerts", "s1", "done"),
      ],
    });
    const samples = await jobMetrics(t.db);
    const flat = samples.map((s) => `${s.name}{job=${s.labels.job}} ${s.value} ${s.type}`).sort();
    expect(flat).toEqual([
      "sts_jobs_failed_total{job=deliver-alerts} 0 counter",
      "sts_jobs_failed_total{job=poll-mailboxes} 1 counter",
      "sts_jobs_run_total{job=deliver-alerts} 1 counter",
      "sts_jobs_run_total{job=poll-mailboxes} 3 counter",
    ]);
  });
});
