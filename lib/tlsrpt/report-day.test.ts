// RPT-JSON-3: the UTC day a report is filed under; §10.2: a wrongly typed contact-info.
import { describe, expect, it } from "vitest";
import { readReport } from "./read-report";
import { bytesOf, googleReport } from "./inline-reports.test-utils";
import type { NormalizedReport } from "./types";

function ok(v: ReturnType<typeof googleReport>): NormalizedReport {
  const r = readReport(bytesOf(v), {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value.reports[0] as NormalizedReport;
}

const withRange = (start: string, end: string) => {
  const v = googleReport();
  v["date-range"] = { "start-datetime": start, "end-datetime": end };
  return ok(v);
};

describe("RPT-JSON-3: a report belongs to the UTC day holding most of its range", () => {
  it("a day written with +02:00 is filed on its own date, not a day early", () => {
    const r = withRange("2026-11-01T00:00:00+02:00", "2026-11-01T23:59:59+02:00");
    expect(r.reportDay).toBe("2026-11-01");
    expect(r.warnings.map((w) => w.message)).toEqual([
      "date-range: 2026-10-31T22:00:00.000Z to 2026-11-01T21:59:59.000Z is not one UTC day; filed under 2026-11-01, the UTC day holding most of it",
    ]);
  });

  it("a day written with -05:00 is filed on its own date, not a day late", () => {
    expect(withRange("2026-11-01T00:00:00-05:00", "2026-11-01T23:59:59-05:00").reportDay).toBe(
      "2026-11-01",
    );
  });

  it("a UTC day, and one ending at the next 00:00:00, stay on the start day", () => {
    expect(withRange("2026-11-01T00:00:00Z", "2026-11-01T23:59:59Z").reportDay).toBe("2026-11-01");
    expect(withRange("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z").reportDay).toBe("2026-11-01");
  });

  it("a week-long range stays on its first day (every day holds as much)", () => {
    expect(withRange("2020-01-01T00:00:00Z", "2020-01-07T23:59:59Z").reportDay).toBe("2020-01-01");
  });

  it("a range mostly in the next day goes there", () => {
    expect(withRange("2026-11-01T20:00:00Z", "2026-11-02T10:00:00Z").reportDay).toBe("2026-11-02");
  });
});

describe("§10.2: an optional field of the wrong type is dropped with a warning", () => {
  it("contact-info: {} is ignored, the report is kept", () => {
    const v = googleReport();
    v["contact-info"] = {};
    const r = ok(v);
    expect(r.contactInfo).toBe(null);
    expect(r.warnings.map((w) => [w.id, w.message])).toEqual([
      ["RPT-QUIRK-7", "contact-info: expected a string, got {}; ignored"],
    ]);
  });

  it("contact-info: 12345 is ignored, the report is kept", () => {
    const v = googleReport();
    v["contact-info"] = 12345;
    expect(ok(v).contactInfo).toBe(null);
  });

  it("report-id stays required (§10.2 table): a number is still refused", () => {
    const v = googleReport();
    v["report-id"] = 12345;
    const r = readReport(bytesOf(v), {});
    expect(r.ok).toBe(false);
  });
});
