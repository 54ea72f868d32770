// Numbers as people read them: "15,413", not "15413" (issue 13.4). One formatter for
// every count the UI shows (tables, figures, chart axes and tooltips, evidence lines).
// The locale is fixed, so the server's render and the browser's agree and tests are exact.
const counts = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A whole number with thousands grouped: 15413 → "15,413". */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** For chart tooltips, whose values may be numbers or text. */
export function formatChartValue(value: unknown): string {
  return typeof value === "number" ? formatCount(value) : String(value ?? "");
}
