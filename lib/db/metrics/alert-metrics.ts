import type { MetricSample } from "@/lib/metrics/sample";

// Stub (contract with the alerts helper): sts_alerts_sent_total{channel},
// sts_alerts_failed_total{channel}.
export async function alertMetrics(): Promise<MetricSample[]> {
  return [];
}
