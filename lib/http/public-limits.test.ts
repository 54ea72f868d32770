import { describe, expect, it } from "vitest";
import { parseSettings, SettingsError } from "@/lib/config/settings";
import { policyLimits, reportLimits, tlsAskLimits } from "./public-limits";

// The defaults the README's configuration table promises, and how the settings map.

describe("public endpoint limits from the settings", () => {
  it("has the documented defaults", () => {
    const s = parseSettings({});
    const brief = (c: ReturnType<typeof reportLimits>) => ({
      perSource: c.perSource,
      overall: c.overall ?? null,
      maxInFlight: c.maxInFlight,
      busyRetryAfter: c.busyRetryAfter,
      trustProxy: c.trust.trustProxy,
    });
    expect([reportLimits(s), policyLimits(s), tlsAskLimits(s)].map(brief)).toEqual([
      {
        perSource: { points: 60, duration: 60 },
        overall: { points: 500, duration: 10 },
        maxInFlight: 16,
        busyRetryAfter: 10,
        trustProxy: false,
      },
      {
        perSource: { points: 600, duration: 60 },
        overall: null,
        maxInFlight: 64,
        busyRetryAfter: 1,
        trustProxy: false,
      },
      {
        perSource: { points: 600, duration: 60 },
        overall: null,
        maxInFlight: 16,
        busyRetryAfter: 1,
        trustProxy: false,
      },
    ]);
  });

  it("turns STS_RATE_BURST and STS_RATE_PER_SECOND into a window of whole seconds", () => {
    const window = (burst: string, rate: string) =>
      reportLimits(parseSettings({ STS_RATE_BURST: burst, STS_RATE_PER_SECOND: rate })).perSource;
    expect(window("10", "0.5")).toEqual({ points: 10, duration: 20 });
    expect(window("10", "3")).toEqual({ points: 10, duration: 4 });
    expect(window("5", "100")).toEqual({ points: 5, duration: 1 });
  });

  it("refuses an in-flight cap that is not a positive whole number", () => {
    expect(() => parseSettings({ STS_INFLIGHT_REPORTS: "0" })).toThrow(SettingsError);
    expect(() => parseSettings({ STS_INFLIGHT_POLICY: "many" })).toThrow(/STS_INFLIGHT_POLICY: /);
  });
});
