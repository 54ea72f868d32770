import { Prisma } from "@/prisma/generated/sqlite/client";
import { engineOf, type Db } from "../client";
import { queryJsonRows } from "../json-rows";
import type { HistogramSample, MetricSample } from "@/lib/metrics/sample";

// Check runs and their duration (issue 14 §4), from CheckRun at scrape time: one grouped
// statement counts the runs per status and, for finished ones, how many took at most each
// bucket's seconds. A histogram (not a summary): its buckets add up across instances and
// over time, so PromQL's histogram_quantile() gives percentiles for any window.

/** Upper bounds in seconds: a check takes seconds; its probes time out within minutes. */
export const CHECK_DURATION_BUCKETS = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300] as const;

const STATUSES = ["done", "failed"] as const;

/** Seconds between start and finish to the millisecond, one expression per dialect (STYLE.md). */
function durationSql(db: Db): Prisma.Sql {
  return engineOf(db) === "postgresql"
    ? Prisma.sql`ROUND(EXTRACT(EPOCH FROM (c."finishedAt" - c."startedAt")), 3)`
    : Prisma.sql`ROUND((julianday(c."finishedAt") - julianday(c."startedAt")) * 86400.0, 3)`;
}

interface Row {
  status: string;
  n: unknown;
  sum: unknown;
  [bucket: `b${number}`]: unknown;
}

export async function checkMetrics(
  db: Db,
): Promise<{ samples: MetricSample[]; histograms: HistogramSample[] }> {
  const buckets = CHECK_DURATION_BUCKETS.map(
    (le, i) =>
      Prisma.sql`SUM(CASE WHEN x."d" <= ${Prisma.raw(String(le))} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"b${i}"`)}`,
  );
  const columns = ["status", "n", "sum", ...CHECK_DURATION_BUCKETS.map((_, i) => `b${i}`)];
  const rows = await queryJsonRows<Row>(
    db,
    Prisma.sql`SELECT x."status", COUNT(*) AS "n", COALESCE(SUM(x."d"), 0) AS "sum",
        ${Prisma.join(buckets, ", ")}
      FROM (SELECT c."status", ${durationSql(db)} AS "d" FROM "CheckRun" c) x
      GROUP BY x."status"`,
    columns as (keyof Row & string)[],
    "status",
  );
  const of = (status: string) => rows.find((r) => r.status === status);
  const samples: MetricSample[] = STATUSES.map((status) => ({
    name: "sts_check_runs_total",
    help: "Configuration check runs finished, by outcome (done: with a report; failed: none).",
    type: "counter",
    labels: { status },
    value: Number(of(status)?.n ?? 0),
  }));
  samples.push({
    name: "sts_check_runs_running",
    help: "Check runs in progress now.",
    type: "gauge",
    labels: {},
    value: Number(of("running")?.n ?? 0),
  });
  const histograms = STATUSES.map((status): HistogramSample => {
    const r = of(status);
    return {
      name: "sts_check_run_duration_seconds",
      help: "Time from the start of a check run to its end, by outcome.",
      labels: { status },
      buckets: CHECK_DURATION_BUCKETS.map((le, i) => ({ le, count: Number(r?.[`b${i}`] ?? 0) })),
      sum: Number(r?.sum ?? 0),
      count: Number(r?.n ?? 0),
    };
  });
  return { samples, histograms };
}
