// Shared checks for the property tests (fuzz*.test.ts): every outcome is a Result value
// (issue 3) and every read finishes within a generous time bound (issue 11).
import { expect } from "vitest";
import type { Result } from "../core/diagnostic";
import { computeContentHash } from "./content-hash";
import { readAny } from "./read-any";
import { readReport } from "./read-report";
import { costMs, costMsAsync } from "./test-fixtures";
import type { ReadHints, ReadOutcome, ReportError } from "./types";

export const CODES = new Set([
  "too-large",
  "decompression-bomb",
  "not-gzip",
  "unsupported-format",
  "bad-encoding",
  "bad-json",
  "not-a-report",
  "invalid-field",
  "no-report",
  "bad-email",
]);

/** Issue 11: every property fails on an input that takes longer than this to read. */
export const TIME_BOUND_MS = 2000;

/** readReport, failing the property when one call takes longer than TIME_BOUND_MS. */
export function readTimed(
  bytes: Uint8Array,
  hints: ReadHints = {},
): Result<ReadOutcome, ReportError> {
  const { value, ms } = costMs(() => readReport(bytes, hints));
  expect(ms).toBeLessThan(TIME_BOUND_MS);
  return value;
}

export async function readAnyTimed(
  bytes: Uint8Array,
  hints: ReadHints = {},
): Promise<Result<ReadOutcome, ReportError>> {
  const { value, ms } = await costMsAsync(() => readAny(bytes, hints));
  expect(ms).toBeLessThan(TIME_BOUND_MS);
  return value;
}

/** The outcome is a well-formed Result, and an accepted report keeps the model's promises. */
export function checkOutcome(r: Result<ReadOutcome, ReportError>): void {
  if (!r.ok) {
    expect(CODES.has(r.error.code)).toBe(true);
    expect(r.error.message.length).toBeGreaterThan(0);
    return;
  }
  for (const rep of r.value.reports) {
    expect(rep.reportDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(computeContentHash(rep)).toMatch(/^[0-9a-f]{64}$/);
    expect(rep.endDatetime.getTime()).toBeGreaterThanOrEqual(rep.startDatetime.getTime());
    for (const p of rep.policies) {
      expect(Number.isSafeInteger(p.totalSuccessfulSessionCount)).toBe(true);
      expect(Number.isSafeInteger(p.totalFailureSessionCount)).toBe(true);
      for (const d of p.failureDetails)
        expect(Number.isSafeInteger(d.failedSessionCount)).toBe(true);
    }
  }
}
