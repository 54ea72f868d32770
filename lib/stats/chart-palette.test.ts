import { describe, expect, it } from "vitest";
import {
  CHART_BACKGROUND,
  MARKER_COLORS,
  OTHER_RESULT_COLOR,
  RESULT_TYPE_COLORS,
  SESSION_COLORS,
  contrastRatio,
  patternId,
  resultTypePattern,
} from "./chart-palette";
import { sortResultTypes } from "./result-types";

// Issue 16 §3: colours that sit side by side differ by at least 3:1 (WCAG 1.4.11).
describe("chart palette", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // The issue's own measurement: the old green against the old red.
    expect(contrastRatio("#059669", "#dc2626")).toBeCloseTo(1.28, 2);
    expect(() => contrastRatio("green", "#ffffff")).toThrow("not a #rrggbb colour: green");
  });

  it("daily chart: successful and failed bars differ by 3:1, and each stands out from the background", () => {
    const s = SESSION_COLORS;
    expect(contrastRatio(s.successful, s.failed)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(s.successfulEdge, CHART_BACKGROUND)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(s.failed, CHART_BACKGROUND)).toBeGreaterThanOrEqual(3);
    // The hatching on failed bars is visible on them.
    expect(contrastRatio(s.failedHatch, s.failed)).toBeGreaterThanOrEqual(3);
  });

  it("MX charts: every result type differs by 3:1 from the white gap between stacked segments", () => {
    for (const [type, colour] of Object.entries(RESULT_TYPE_COLORS)) {
      expect({ type, ratio: contrastRatio(colour, CHART_BACKGROUND) >= 3 }).toEqual({
        type,
        ratio: true,
      });
    }
    expect(contrastRatio(OTHER_RESULT_COLOR, CHART_BACKGROUND)).toBeGreaterThanOrEqual(3);
    for (const colour of Object.values(MARKER_COLORS))
      expect(contrastRatio(colour, CHART_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it("neighbouring result types never share a fill pattern, so colour is not the only cue", () => {
    const order = Object.keys(RESULT_TYPE_COLORS);
    // The palette lists the types in the dashboard's own (§10.3) order.
    expect(sortResultTypes(order)).toEqual(order);
    expect(order).toHaveLength(11);
    for (let i = 1; i < order.length; i++)
      expect(resultTypePattern(order[i] ?? "")).not.toBe(resultTypePattern(order[i - 1] ?? ""));
    expect(resultTypePattern("starttls-not-supported")).toBe("solid");
    expect(resultTypePattern("certificate-host-mismatch")).toBe("diagonal");
    expect(resultTypePattern("some-future-type")).toBe("solid");
    expect(patternId("some future/type")).toBe("chart-fill-some_future_type");
  });
});
