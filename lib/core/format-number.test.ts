import { describe, expect, it } from "vitest";
import { formatChartValue, formatCount } from "./format-number";

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1020, "1,020"],
    [15413, "15,413"],
    [1234567, "1,234,567"],
    [-2500, "-2,500"],
  ])("%d reads %s", (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  it.each([
    [1020, "1.020"],
    [15413, "15.413"],
    [1234567, "1.234.567"],
  ])("%d reads %s in German (issue 16 §6)", (n, text) => {
    expect(formatCount(n, "de")).toBe(text);
  });

  it("chart values: numbers grouped, text as is", () => {
    expect([
      formatChartValue(15413),
      formatChartValue("mx1.example"),
      formatChartValue(null),
    ]).toEqual(["15,413", "mx1.example", ""]);
    expect(formatChartValue(15413, "de")).toBe("15.413");
  });
});
