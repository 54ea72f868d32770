import { Counter, Gauge, Registry, type Metric } from "prom-client";
import type { HistogramSample, MetricSample } from "./sample";

// One scrape's exposition (issue 14 §4): a fresh prom-client Registry per scrape holds
// the values read from the database, followed by the process-wide registry of this
// instance's process metrics (process-metrics.ts). Nothing read from the database is
// kept between scrapes, so every instance answers the same totals and a restart loses none.

export const CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** Samples of one name become one metric; the first sample's help and type are used. */
function addSamples(registry: Registry, samples: readonly MetricSample[]): void {
  const byName = new Map<string, MetricSample[]>();
  for (const s of samples) {
    const own = byName.get(s.name);
    if (own) own.push(s);
    else byName.set(s.name, [s]);
  }
  for (const [name, group] of byName) {
    const first = group[0]!;
    const labelNames = [...new Set(group.flatMap((s) => Object.keys(s.labels)))];
    const config = { name, help: first.help, labelNames, registers: [registry] };
    if (first.type === "counter") {
      const counter = new Counter(config);
      for (const s of group) counter.inc(s.labels, s.value);
    } else {
      const gauge = new Gauge(config);
      for (const s of group) gauge.set(s.labels, s.value);
    }
  }
}

/**
 * A histogram whose buckets were counted by the database. prom-client's Histogram only
 * observes values one by one; the registry needs nothing but name, help, type and get()
 * (Registry#getMetricsAsString), so this object gives it the stored counts as they are.
 */
function storedHistogram(name: string, help: string, group: readonly HistogramSample[]) {
  const values = group.flatMap((h) => [
    ...h.buckets.map((b) => ({
      metricName: `${name}_bucket`,
      labels: { ...h.labels, le: String(b.le) },
      value: b.count,
    })),
    { metricName: `${name}_bucket`, labels: { ...h.labels, le: "+Inf" }, value: h.count },
    { metricName: `${name}_sum`, labels: h.labels, value: h.sum },
    { metricName: `${name}_count`, labels: h.labels, value: h.count },
  ]);
  const metric = {
    name,
    help,
    type: "histogram" as const,
    get: async () => ({ name, help, type: "histogram" as const, values, aggregator: "sum" }),
  };
  return metric as unknown as Metric;
}

function addHistograms(registry: Registry, histograms: readonly HistogramSample[]): void {
  const names = [...new Set(histograms.map((h) => h.name))];
  for (const name of names) {
    const group = histograms.filter((h) => h.name === name);
    registry.registerMetric(storedHistogram(name, group[0]!.help, group));
  }
}

/** The text a scrape gets: this scrape's stored values, then the process's own metrics. */
export async function exposition(
  samples: readonly MetricSample[],
  histograms: readonly HistogramSample[],
  processRegistry?: Registry,
): Promise<string> {
  const scrape = new Registry();
  addSamples(scrape, samples);
  addHistograms(scrape, histograms);
  const own = await scrape.metrics();
  // Rendered apart, not through Registry.merge: a merged registry drops the process
  // registry's default label (app_instance).
  return processRegistry ? `${own}\n${await processRegistry.metrics()}` : own;
}
