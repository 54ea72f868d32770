import { describe, expect, it } from "vitest";
import { parseSettings } from "./settings";
import { watchThresholds } from "./watch";

describe("watch thresholds (issue 14)", () => {
  it("defaults: certificates 14 days, 3 silent days, 5% over 3 days", () => {
    expect(watchThresholds(parseSettings({}))).toEqual({
      certDays: 14,
      silenceDays: 3,
      failurePercent: 5,
      failureWindowDays: 3,
    });
  });

  it("reads each variable", () => {
    const s = parseSettings({
      STS_WATCH_CERT_DAYS: "21",
      STS_WATCH_SILENCE_DAYS: "5",
      STS_WATCH_FAILURE_PERCENT: "2.5",
      STS_WATCH_FAILURE_WINDOW_DAYS: "7",
    });
    expect(watchThresholds(s)).toEqual({
      certDays: 21,
      silenceDays: 5,
      failurePercent: 2.5,
      failureWindowDays: 7,
    });
  });

  it("names a bad value", () => {
    expect(() =>
      parseSettings({ STS_WATCH_CERT_DAYS: "0", STS_WATCH_FAILURE_PERCENT: "x" }),
    ).toThrow(/STS_WATCH_CERT_DAYS: .*\n\s+STS_WATCH_FAILURE_PERCENT: /);
  });
});
