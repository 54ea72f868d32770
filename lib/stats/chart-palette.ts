// Colours and fill patterns of the report charts (issue 16 §3). Series must be told apart
// without colour (a pattern per series) and colours that touch must differ by at least 3:1
// (WCAG 1.4.11 non-text contrast); chart-palette.test.ts computes the ratios.

/** The chart area behind the bars, and the gap drawn between stacked segments. */
export const CHART_BACKGROUND = "#ffffff";

/**
 * The daily chart: successful sessions light blue with a dark blue edge (the edge carries
 * the contrast against the white background), failed sessions dark red with white hatching
 * on top of them. Blue against red also stays apart for red-green colour-blind readers.
 */
export const SESSION_COLORS = {
  successful: "#93c5fd",
  successfulEdge: "#1d4ed8",
  failed: "#991b1b",
  failedHatch: "#fecaca",
} as const;

/** Policy-change markers (reference lines) by mode: each readable on white. */
export const MARKER_COLORS: Readonly<Record<string, string>> = {
  enforce: "#b91c1c",
  testing: "#b45309",
  none: "#475569",
};

export const PATTERNS = ["solid", "diagonal", "dots", "horizontal", "cross", "vertical"] as const;
export type PatternKind = (typeof PATTERNS)[number];

/** Result-type colours, in §10.3 order. Stacked segments are separated by a white gap. */
export const RESULT_TYPE_COLORS: Readonly<Record<string, string>> = {
  "starttls-not-supported": "#b91c1c",
  "certificate-host-mismatch": "#c2410c",
  "certificate-expired": "#b45309",
  "certificate-not-trusted": "#854d0e",
  "validation-failure": "#9f1239",
  "tlsa-invalid": "#7c3aed",
  "dnssec-invalid": "#6d28d9",
  "dane-required": "#4c1d95",
  "sts-policy-fetch-error": "#0369a1",
  "sts-policy-invalid": "#0e7490",
  "sts-webpki-invalid": "#1d4ed8",
};
export const OTHER_RESULT_COLOR = "#475569";

/** The fill pattern of a result type: neighbours in §10.3 order never share one. */
export function resultTypePattern(resultType: string): PatternKind {
  const i = Object.keys(RESULT_TYPE_COLORS).indexOf(resultType);
  return i < 0 ? "solid" : (PATTERNS[i % PATTERNS.length] ?? "solid");
}

/** An id for SVG fill="url(#…)": letters, digits and dashes only. */
export function patternId(series: string): string {
  return `chart-fill-${series.replace(/[^a-z0-9-]/gi, "_")}`;
}

function channel(v: number): number {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => channel(parseInt(x ?? "0", 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
