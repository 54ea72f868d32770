// GET /api/metrics' numbers (issue 14 §4) read from a real database: SQLite by default,
// PostgreSQL under `npm run test:pg -- lib/db/metrics` (this file lives under lib/db, so
// both runs include it). The exposition is compared line for line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exposition } from "@/lib/metrics/exposition";
import { openTestDb, type TestDb } from "../db.test-utils";
import { CHECK_DURATION_BUCKETS } from "./check-metrics";
import { collectStoredMetrics } from "./collect-metrics";
import { addCheckRun, NOW, seedMetricsWorld } from "./metrics.test-utils";

/** Cumulative bucket lines: runs <= 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300 s, then +Inf. */
const buckets = (status: string, counts: number[], all: number) =>
  [...counts.map((n, i) => [CHECK_DURATION_BUCKETS[i], n] as const), ["+Inf", all] as const]
    .map(([le, n]) => `sts_check_run_duration_seconds_bucket{status="${status}",le="${le}"} ${n}`)
    .join("\n");

// The seed (metrics.test-utils.ts) in numbers: stored https 1 (+1 duplicate not counted),
// upload 1, cli 2; refused https 2 (one row), upload 1, imap 4 (pruned: the tally); runs
// done in 0.25, 3.5 and 45 s, failed after 400 s, one running; example.com ready and in
// testing, example.org 4 of 7 with a stale verdict and in enforce, example.net nothing.
const EXPECTED = `# HELP sts_reports_stored_total TLS reports stored, by the channel they arrived on (duplicates not counted).
# TYPE sts_reports_stored_total counter
sts_reports_stored_total{channel="https"} 1
sts_reports_stored_total{channel="imap"} 0
sts_reports_stored_total{channel="upload"} 1
sts_reports_stored_total{channel="cli"} 2

# HELP sts_reports_refused_total Submissions refused (unreadable, too large, too slow, rate-limited …), by channel.
# TYPE sts_reports_refused_total counter
sts_reports_refused_total{channel="https"} 2
sts_reports_refused_total{channel="imap"} 4
sts_reports_refused_total{channel="upload"} 1
sts_reports_refused_total{channel="cli"} 0

# HELP sts_check_runs_total Configuration check runs finished, by outcome (done: with a report; failed: none).
# TYPE sts_check_runs_total counter
sts_check_runs_total{status="done"} 3
sts_check_runs_total{status="failed"} 1

# HELP sts_check_runs_running Check runs in progress now.
# TYPE sts_check_runs_running gauge
sts_check_runs_running 1

# HELP sts_alerts_sent_total Alert deliveries sent, by channel.
# TYPE sts_alerts_sent_total counter
sts_alerts_sent_total{channel="email"} 0
sts_alerts_sent_total{channel="webhook"} 0

# HELP sts_alerts_failed_total Alert deliveries that failed after every retry, by channel.
# TYPE sts_alerts_failed_total counter
sts_alerts_failed_total{channel="email"} 0
sts_alerts_failed_total{channel="webhook"} 0

# HELP sts_domain_ready 1 when the stored verdict says the domain is ready to enforce (READY-1..7 all met), else 0.
# TYPE sts_domain_ready gauge
sts_domain_ready{domain="example.com"} 1
sts_domain_ready{domain="example.net"} 0
sts_domain_ready{domain="example.org"} 0

# HELP sts_domain_readiness_criteria_met READY criteria the stored verdict finds met (of sts_domain_readiness_criteria).
# TYPE sts_domain_readiness_criteria_met gauge
sts_domain_readiness_criteria_met{domain="example.com"} 7
sts_domain_readiness_criteria_met{domain="example.net"} 0
sts_domain_readiness_criteria_met{domain="example.org"} 4

# HELP sts_domain_readiness_criteria READY criteria judged for the domain (0 before its first verdict).
# TYPE sts_domain_readiness_criteria gauge
sts_domain_readiness_criteria{domain="example.com"} 7
sts_domain_readiness_criteria{domain="example.net"} 0
sts_domain_readiness_criteria{domain="example.org"} 7

# HELP sts_domain_verdict_stale 1 when the stored verdict is missing or older than its inputs (a recomputation is due).
# TYPE sts_domain_verdict_stale gauge
sts_domain_verdict_stale{domain="example.com"} 0
sts_domain_verdict_stale{domain="example.net"} 1
sts_domain_verdict_stale{domain="example.org"} 1

# HELP sts_domain_policy_mode 1 for the mode of the policy served now (none, testing, enforce); all 0 without a policy.
# TYPE sts_domain_policy_mode gauge
sts_domain_policy_mode{domain="example.com",mode="none"} 0
sts_domain_policy_mode{domain="example.com",mode="testing"} 1
sts_domain_policy_mode{domain="example.com",mode="enforce"} 0
sts_domain_policy_mode{domain="example.net",mode="none"} 0
sts_domain_policy_mode{domain="example.net",mode="testing"} 0
sts_domain_policy_mode{domain="example.net",mode="enforce"} 0
sts_domain_policy_mode{domain="example.org",mode="none"} 0
sts_domain_policy_mode{domain="example.org",mode="testing"} 0
sts_domain_policy_mode{domain="example.org",mode="enforce"} 1

# HELP sts_check_run_duration_seconds Time from the start of a check run to its end, by outcome.
# TYPE sts_check_run_duration_seconds histogram
${buckets("done", [1, 1, 1, 2, 2, 2, 2, 3, 3, 3], 3)}
sts_check_run_duration_seconds_sum{status="done"} 48.75
sts_check_run_duration_seconds_count{status="done"} 3
${buckets("failed", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1)}
sts_check_run_duration_seconds_sum{status="failed"} 400
sts_check_run_duration_seconds_count{status="failed"} 1
`;

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  // jobMetrics() and alertMetrics() read the process's database, as in the app.
  process.env.DATABASE_URL = t.config.provider === "sqlite" ? `file:${t.config.url}` : t.config.url;
  await seedMetricsWorld(t.db);
}, 120_000);
afterAll(async () => t.close());

describe("collectStoredMetrics (issue 14 §4)", () => {
  it("exposes stored and refused reports, check runs, readiness and mode exactly", async () => {
    const stored = await collectStoredMetrics(t.db, NOW);
    const text = await exposition(stored.samples, stored.histograms);
    expect(text.split("\n")).toEqual(EXPECTED.split("\n"));
  });

  it("counts a run finished since the last scrape on top of the runs counted before today", async () => {
    const domain = await t.db.domain.findUniqueOrThrow({ where: { name: "example.com" } });
    await addCheckRun(t.db, domain.id, "done", 7, 60);
    const stored = await collectStoredMetrics(t.db, NOW);
    const lines = (await exposition(stored.samples, stored.histograms)).split("\n");
    const of = (prefix: string) => lines.filter((l) => l.startsWith(prefix));
    expect(of("sts_check_runs_total")).toEqual([
      'sts_check_runs_total{status="done"} 4',
      'sts_check_runs_total{status="failed"} 1',
    ]);
    expect(of('sts_check_run_duration_seconds_bucket{status="done"')).toEqual(
      buckets("done", [1, 1, 1, 2, 3, 3, 3, 4, 4, 4], 4).split("\n"),
    );
    expect(of("sts_check_run_duration_seconds_sum")).toEqual([
      'sts_check_run_duration_seconds_sum{status="done"} 55.75',
      'sts_check_run_duration_seconds_sum{status="failed"} 400',
    ]);
  });

  it("a new UTC day counts every finished run again from the database: the same totals", async () => {
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    const stored = await collectStoredMetrics(t.db, tomorrow);
    const text = await exposition(stored.samples, stored.histograms);
    expect(text).toContain('sts_check_runs_total{status="done"} 4\n');
    expect(text).toContain('sts_check_run_duration_seconds_sum{status="done"} 55.75\n');
    expect(text).toContain('sts_check_run_duration_seconds_count{status="failed"} 1\n');
    expect(text).toContain("sts_check_runs_running 1\n");
  });
});
