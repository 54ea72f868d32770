import type { MetricSample } from "@/lib/metrics/sample";

// Stub (contract with the jobs helper): sts_jobs_run_total{job}, sts_jobs_failed_total{job}.
export async function jobMetrics(): Promise<MetricSample[]> {
  return [];
}
