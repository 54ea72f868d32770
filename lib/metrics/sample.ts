export type MetricSample = { name: string; help: string; type: "counter" | "gauge"; labels: Record<string, string>; value: number };
