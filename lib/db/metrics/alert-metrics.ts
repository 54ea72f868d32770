import type { MetricSample } from "@/lib/metrics/sample";
import { getDb, type Db } from "../client";

// Issue 14 §4: alerts sent and failed for good, per channel, counted from the deliveries
// (every process sees the same numbers, and they survive restarts).

const CHANNELS = ["email", "webhook"] as const;

export async function alertMetrics(): Promise<MetricSample[]> {
  return alertMetricsIn(await getDb());
}

export async function alertMetricsIn(db: Db): Promise<MetricSample[]> {
  const rows = await db.alertDelivery.groupBy({
    by: ["channel", "status"],
    where: { status: { in: ["sent", "failed"] } },
    _count: { _all: true },
  });
  const count = (channel: string, status: string) =>
    rows.find((r) => r.channel === channel && r.status === status)?._count._all ?? 0;
  return CHANNELS.flatMap((channel) => [
    {
      name: "sts_alerts_sent_total",
      help: "Alert deliveries sent, by channel.",
      type: "counter" as const,
      labels: { channel },
      value: count(channel, "sent"),
    },
    {
      name: "sts_alerts_failed_total",
      help: "Alert deliveries that failed after every retry, by channel.",
      type: "counter" as const,
      labels: { channel },
      value: count(channel, "failed"),
    },
  ]);
}
