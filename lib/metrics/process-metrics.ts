import { hostname } from "node:os";
import { collectDefaultMetrics, Registry } from "prom-client";

// This instance's own process metrics (CPU, memory, event-loop lag, GC, handles: prom-client's
// default metrics). Unlike the stored totals they differ per process, so they carry an
// app_instance label (host:port) that tells instances apart even when a scrape goes
// through the load balancer. Created once per process and kept on globalThis: the
// event-loop and GC collectors start observers when registered (one set per process, not
// per scrape), and Next bundles this module into more than one chunk.

const holder = globalThis as unknown as { __stsProcessMetrics?: Registry };

export function processMetrics(port: number): Registry {
  if (!holder.__stsProcessMetrics) {
    const registry = new Registry();
    registry.setDefaultLabels({ app_instance: `${hostname()}:${port}` });
    collectDefaultMetrics({ register: registry });
    holder.__stsProcessMetrics = registry;
  }
  return holder.__stsProcessMetrics;
}
