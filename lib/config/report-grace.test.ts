import { describe, expect, it } from "vitest";
import { parseSettings, SettingsError } from "./settings";

// Issue 15 item 2: STS_REPORT_GRACE_DAYS, the days a day waits for its usual reporters.
describe("STS_REPORT_GRACE_DAYS", () => {
  it("defaults to 3 days and takes 0..60", () => {
    expect(parseSettings({}).STS_REPORT_GRACE_DAYS).toBe(3);
    expect(parseSettings({ STS_REPORT_GRACE_DAYS: "0" }).STS_REPORT_GRACE_DAYS).toBe(0);
    expect(parseSettings({ STS_REPORT_GRACE_DAYS: "10" }).STS_REPORT_GRACE_DAYS).toBe(10);
  });

  it("refuses a value that is not a whole number of days, naming the variable", () => {
    expect(() => parseSettings({ STS_REPORT_GRACE_DAYS: "two" })).toThrow(SettingsError);
    expect(() => parseSettings({ STS_REPORT_GRACE_DAYS: "61" })).toThrow(/STS_REPORT_GRACE_DAYS/);
  });
});
