import { describe, expect, it } from "vitest";
import {
  currentSlot,
  describeSchedule,
  scheduleRef,
  manualSlotName,
  nextSlotStart,
  parseDailyTime,
  slotName,
} from "./schedule";

const at = (iso: string) => new Date(iso);

describe("schedules and slots (issue 14 §1)", () => {
  it("parses HH:MM as UTC minutes and names the problem otherwise", () => {
    expect(parseDailyTime("03:00")).toEqual({ ok: true, value: 180 });
    expect(parseDailyTime("23:59")).toEqual({ ok: true, value: 1439 });
    expect(parseDailyTime("7:05")).toEqual({ ok: true, value: 425 });
    expect(parseDailyTime("24:00")).toEqual({
      ok: false,
      error: '"24:00" is not a time of day as HH:MM (UTC, 00:00 to 23:59)',
    });
    expect(parseDailyTime("3pm").ok).toBe(false);
  });

  it("a daily slot is today's time once it has passed, yesterday's before", () => {
    const daily = { kind: "daily", minuteOfDay: 180 } as const;
    expect(currentSlot(daily, at("2026-12-01T03:00:00.000Z"))).toEqual({
      id: "2026-12-01T03:00Z",
      start: at("2026-12-01T03:00:00.000Z"),
    });
    expect(currentSlot(daily, at("2026-12-01T02:59:59.999Z"))?.id).toBe("2026-11-30T03:00Z");
    expect(currentSlot(daily, at("2026-12-01T23:10:00.000Z"))?.id).toBe("2026-12-01T03:00Z");
    expect(nextSlotStart(daily, at("2026-12-01T10:00:00.000Z"))).toEqual(
      at("2026-12-02T03:00:00.000Z"),
    );
  });

  it("interval slots are aligned to whole minutes, so every instance names them alike", () => {
    const every = { kind: "every", ms: 15 * 60_000 } as const;
    expect(currentSlot(every, at("2026-12-01T10:14:59.000Z"))?.id).toBe("2026-12-01T10:00Z");
    expect(currentSlot(every, at("2026-12-01T10:15:00.000Z"))?.id).toBe("2026-12-01T10:15Z");
    expect(nextSlotStart(every, at("2026-12-01T10:16:00.000Z"))).toEqual(
      at("2026-12-01T10:30:00.000Z"),
    );
    expect(currentSlot({ kind: "manual" }, at("2026-12-01T10:00:00.000Z"))).toBeNull();
  });

  it("describes schedules and names manual slots apart from scheduled ones", () => {
    expect(describeSchedule({ kind: "daily", minuteOfDay: 425 })).toBe("daily at 07:05 UTC");
    expect(describeSchedule({ kind: "every", ms: 60_000 })).toBe("every minute");
    expect(describeSchedule({ kind: "every", ms: 900_000 })).toBe("every 15 minutes");
    expect(describeSchedule({ kind: "manual" })).toBe("by hand only");
    // Issue 16 §6: the same facts as a message ref for the settings page.
    expect(scheduleRef({ kind: "daily", minuteOfDay: 425 })).toEqual({
      key: "daily",
      params: { time: "07:05" },
    });
    expect(scheduleRef({ kind: "every", ms: 900_000 })).toEqual({
      key: "every",
      params: { minutes: 15 },
    });
    expect(scheduleRef({ kind: "manual" })).toEqual({ key: "manual" });
    expect(slotName(at("2026-12-01T03:00:42.000Z"))).toBe("2026-12-01T03:00Z");
    expect(manualSlotName(at("2026-12-01T03:00:42.000Z"), "ab12")).toBe(
      "manual-2026-12-01T03:00:42.000Z-ab12",
    );
  });
});
