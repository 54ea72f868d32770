import { describe, expect, it } from "vitest";
import {
  formatRelative,
  formatUtcDay,
  formatUtcDayMonth,
  formatUtcMinute,
  formatUtcSecond,
  localizeDates,
} from "./format-date";

// Issue 16 §6: dates, times and relative times in the reader's language, in UTC.
describe("formatUtcDay / formatUtcMinute / formatUtcSecond", () => {
  const at = new Date("2025-04-02T23:30:09Z");

  it("English keeps the ISO day; German reads dd.MM.yyyy", () => {
    expect(formatUtcDay(at)).toBe("2025-04-02");
    expect(formatUtcDay(at, "de")).toBe("02.04.2025");
    expect(formatUtcDay("2026-11-30", "de")).toBe("30.11.2026");
  });

  it("a column head leaves out the year", () => {
    expect(formatUtcDayMonth("2026-11-30")).toBe("11-30");
    expect(formatUtcDayMonth("2026-11-30", "de")).toBe("30.11.");
    expect(formatUtcDayMonth("x", "de")).toBe("x");
  });

  it("minutes and seconds stay in UTC, whatever the machine's zone", () => {
    expect(formatUtcMinute(at, "en")).toBe("2025-04-02 23:30 UTC");
    expect(formatUtcMinute(at.toISOString(), "de")).toBe("02.04.2025 23:30 UTC");
    expect(formatUtcSecond(at, "en")).toBe("2025-04-02 23:30:09 UTC");
    expect(formatUtcSecond(at.toISOString(), "de")).toBe("02.04.2025 23:30:09 UTC");
  });

  it("leaves out the zone where the sentence names it", () => {
    expect(formatUtcMinute(at, "en", { zone: false })).toBe("2025-04-02 23:30");
    expect(formatUtcSecond(at, "de", { zone: false })).toBe("02.04.2025 23:30:09");
  });

  it("text that is not a day is returned as it is", () => {
    expect(formatUtcDay("a", "de")).toBe("a");
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const before = (s: number) => new Date(now.getTime() - s * 1000);
  const after = (s: number) => new Date(now.getTime() + s * 1000);

  it("past times, in the largest whole unit", () => {
    expect(formatRelative(before(3 * 86_400 + 3_000), now)).toBe("3 days ago");
    expect(formatRelative(before(3 * 86_400 + 3_000), now, "de")).toBe("vor 3 Tagen");
    expect(formatRelative(before(86_400), now, "en")).toBe("1 day ago");
    expect(formatRelative(before(86_400), now, "de")).toBe("vor 1 Tag");
    expect(formatRelative(before(5 * 60 + 59), now, "de")).toBe("vor 5 Minuten");
    expect(formatRelative(before(14 * 86_400), now, "en")).toBe("2 weeks ago");
    expect(formatRelative(before(400 * 86_400), now, "de")).toBe("vor 1 Jahr");
  });

  it("future times", () => {
    expect(formatRelative(after(2 * 3_600), now)).toBe("in 2 hours");
    expect(formatRelative(after(2 * 3_600), now, "de")).toBe("in 2 Stunden");
    expect(formatRelative(after(45 * 86_400).toISOString(), now.toISOString(), "de")).toBe(
      "in 1 Monat",
    );
  });

  it("now reads as zero seconds", () => {
    expect(formatRelative(now, now)).toBe("0 seconds ago");
    expect(formatRelative(before(0.4), now, "de")).toBe("vor 0 Sekunden");
  });
});

describe("localizeDates", () => {
  const params = {
    day: "2026-03-19",
    ran: "2026-11-20T07:00Z",
    at: "2026-11-20 08:00 UTC",
    iso: "2026-11-20T08:00:05.123Z",
    id: "20250301T120000Z",
    host: "mx1.example",
    count: 3,
  };

  it("German reads each date-shaped value as a German date or UTC time", () => {
    expect(localizeDates(params, "de")).toEqual({
      day: "19.03.2026",
      ran: "20.11.2026 07:00 UTC",
      at: "20.11.2026 08:00 UTC",
      iso: "20.11.2026 08:00:05 UTC",
      id: "20250301T120000Z",
      host: "mx1.example",
      count: 3,
    });
  });

  it("English keeps the params as they are", () => {
    expect(localizeDates(params, "en")).toBe(params);
    expect(localizeDates(undefined, "de")).toBeUndefined();
  });
});
