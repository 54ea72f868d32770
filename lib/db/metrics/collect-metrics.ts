import type { Db } from "../client";
import type { HistogramSample, MetricSample } from "@/lib/metrics/sample";
import { alertMetrics } from "./alert-metrics";
import { checkMetrics } from "./check-metrics";
import { domainMetrics } from "./domain-metrics";
import { jobMetrics } from "./job-metrics";
import { reportMetrics } from "./report-metrics";

// Everything GET /api/metrics reads from the database, at scrape time: a fixed number of
// grouped statements whatever the number of domains, reports or runs (issue 14 §4).

export interface StoredMetrics {
  samples: MetricSample[];
  histograms: HistogramSample[];
}

export async function collectStoredMetrics(db: Db, now = new Date()): Promise<StoredMetrics> {
  const [reports, checks, domains, jobs, alerts] = await Promise.all([
    reportMetrics(db),
    checkMetrics(db, now),
    domainMetrics(db, now),
    jobMetrics(),
    alertMetrics(),
  ]);
  return {
    samples: [...reports, ...checks.samples, ...jobs, ...alerts, ...domains],
    histograms: checks.histograms,
  };
}
