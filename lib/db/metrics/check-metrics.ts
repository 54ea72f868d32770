import { Prisma } from "@/prisma/generated/sqlite/client";
import { engineOf, type Db } from "../client";
import { queryJsonRows } from "../json-rows";
import type { HistogramSample, MetricSample } from "@/lib/metrics/sample";

// Check runs and their duration (issue 14 §4), from CheckRun: grouped statements count the
// runs per status and, for finished ones, how many took at most each bucket's seconds,
// read from the (status, finishedAt, startedAt) index, never the rows (they carry whole
// reports). A histogram (not a summary): its buckets add up across instances and over
// time, so PromQL's histogram_quantile() gives percentiles for any window.
// A finished run never changes, so the runs finished before today (UTC) are counted once a
// day per process and kept (on globalThis, per database client); each scrape adds only
// the runs finished since and those still running. A year of daily checks of 1,000
// domains is 365,000 runs: counting them all at every scrape took seconds.

/** Upper bounds in seconds: a check takes seconds; its probes time out within minutes. */
export const CHECK_DURATION_BUCKETS = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300] as const;

const STATUSES = ["done", "failed"] as const;

/** Seconds between start and finish to the millisecond, one expression per dialect (STYLE.md). */
function durationSql(db: Db): Prisma.Sql {
  return engineOf(db) === "postgresql"
    ? Prisma.sql`ROUND(CAST(EXTRACT(EPOCH FROM (c."finishedAt" - c."startedAt")) AS NUMERIC), 3)`
    : Prisma.sql`ROUND((julianday(c."finishedAt") - julianday(c."startedAt")) * 86400.0, 3)`;
}

/** Per status: runs, summed seconds, and runs at most each bucket's seconds. */
interface Tally {
  n: number;
  sum: number;
  buckets: number[];
}

interface Row {
  status: string;
  n: unknown;
  sum: unknown;
  [bucket: `b${number}`]: unknown;
}

async function tally(db: Db, where: Prisma.Sql): Promise<Map<string, Tally>> {
  const buckets = CHECK_DURATION_BUCKETS.map(
    (le, i) =>
      Prisma.sql`SUM(CASE WHEN x."d" <= ${Prisma.raw(String(le))} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"b${i}"`)}`,
  );
  const columns = ["status", "n", "sum", ...CHECK_DURATION_BUCKETS.map((_, i) => `b${i}`)];
  const rows = await queryJsonRows<Row>(
    db,
    Prisma.sql`SELECT x."status", COUNT(*) AS "n", COALESCE(SUM(x."d"), 0) AS "sum",
        ${Prisma.join(buckets, ", ")}
      FROM (SELECT c."status", ${durationSql(db)} AS "d" FROM "CheckRun" c ${where}) x
      GROUP BY x."status"`,
    columns as (keyof Row & string)[],
    "status",
  );
  return new Map(
    rows.map((r) => [
      r.status,
      {
        n: Number(r.n ?? 0),
        sum: Number(r.sum ?? 0),
        buckets: CHECK_DURATION_BUCKETS.map((_, i) => Number(r[`b${i}`] ?? 0)),
      },
    ]),
  );
}

interface Base {
  cutoff: number;
  tallies: Map<string, Tally>;
}

const holder = globalThis as unknown as { __stsCheckRunBase?: WeakMap<Db, Base> };
const bases = (holder.__stsCheckRunBase ??= new WeakMap<Db, Base>());

/** Runs finished before `cutoff`: counted once per cutoff and client, then reused. */
async function finishedBefore(db: Db, cutoff: Date): Promise<Map<string, Tally>> {
  const cached = bases.get(db);
  if (cached?.cutoff === cutoff.getTime()) return cached.tallies;
  const tallies = await tally(
    db,
    Prisma.sql`WHERE c."status" IN ('done', 'failed') AND c."finishedAt" < ${cutoff}`,
  );
  bases.set(db, { cutoff: cutoff.getTime(), tallies });
  return tallies;
}

const add = (a: Tally | undefined, b: Tally | undefined): Tally => ({
  n: (a?.n ?? 0) + (b?.n ?? 0),
  sum: (a?.sum ?? 0) + (b?.sum ?? 0),
  buckets: CHECK_DURATION_BUCKETS.map((_, i) => (a?.buckets[i] ?? 0) + (b?.buckets[i] ?? 0)),
});

export async function checkMetrics(
  db: Db,
  now = new Date(),
): Promise<{ samples: MetricSample[]; histograms: HistogramSample[] }> {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [base, recent] = await Promise.all([
    finishedBefore(db, cutoff),
    tally(
      db,
      Prisma.sql`WHERE c."status" = 'running'
        OR (c."status" IN ('done', 'failed') AND c."finishedAt" >= ${cutoff})`,
    ),
  ]);
  const of = (status: string) => add(base.get(status), recent.get(status));
  const samples: MetricSample[] = STATUSES.map((status) => ({
    name: "sts_check_runs_total",
    help: "Configuration check runs finished, by outcome (done: with a report; failed: none).",
    type: "counter",
    labels: { status },
    value: of(status).n,
  }));
  samples.push({
    name: "sts_check_runs_running",
    help: "Check runs in progress now.",
    type: "gauge",
    labels: {},
    value: of("running").n,
  });
  const histograms = STATUSES.map((status): HistogramSample => {
    const t = of(status);
    return {
      name: "sts_check_run_duration_seconds",
      help: "Time from the start of a check run to its end, by outcome.",
      labels: { status },
      buckets: CHECK_DURATION_BUCKETS.map((le, i) => ({ le, count: t.buckets[i] ?? 0 })),
      sum: Math.round(t.sum * 1000) / 1000,
      count: t.n,
    };
  });
  return { samples, histograms };
}
