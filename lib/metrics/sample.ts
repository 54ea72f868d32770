// What the metrics endpoint exposes, as plain values: each lib/db/metrics query returns
// samples, and lib/metrics/exposition.ts turns them into the Prometheus text format.
// MetricSample is the contract with the jobs and alerts helpers (jobMetrics, alertMetrics).

export type MetricSample = {
  name: string;
  help: string;
  type: "counter" | "gauge";
  labels: Record<string, string>;
  value: number;
};

/** A histogram read from stored values: cumulative counts per upper bound (le). */
export type HistogramSample = {
  name: string;
  help: string;
  labels: Record<string, string>;
  /** Ascending upper bounds with the number of observations <= each; +Inf is `count`. */
  buckets: { le: number; count: number }[];
  sum: number;
  count: number;
};
