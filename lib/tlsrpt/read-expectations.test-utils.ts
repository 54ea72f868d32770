// Test helper: one report file against its exact expected reading (source, report day,
// policy rows with their counts and failure result types, warning ids in emitted order).
// Shared by the project's fixtures (fixtures.test.ts) and the real-sample conformance
// suite (samples.conformance.test.ts).
import { expect } from "vitest";
import { readAny } from "./read-any";
import type { ReportErrorCode } from "./types";

/** [policy-type, policy-domain, successful, failed, result types of the failure rows] */
export type PolicyRow = [string, string | null, number, number, string[]];
export type Expected =
  | { refused: ReportErrorCode; field?: string }
  | {
      source: "json" | "gzip" | "eml";
      reports: { day: string; policies: PolicyRow[]; warnings: string[] }[];
    };

export async function expectReading(bytes: Uint8Array, filename: string, want: Expected) {
  const got = await readAny(bytes, { filename });
  if ("refused" in want) {
    expect(got.ok).toBe(false);
    if (got.ok) return;
    expect(got.error.code).toBe(want.refused);
    expect(got.error.field).toBe(want.field);
    return;
  }
  expect(got.ok).toBe(true);
  if (!got.ok) return;
  expect(got.value.source).toBe(want.source);
  expect(got.value.rejected).toEqual([]);
  expect(
    got.value.reports.map((r) => ({
      day: r.reportDay,
      policies: r.policies.map((p): PolicyRow => [
        p.policyType,
        p.policyDomain,
        p.totalSuccessfulSessionCount,
        p.totalFailureSessionCount,
        p.failureDetails.map((d) => d.resultType),
      ]),
      warnings: r.warnings.map((w) => w.id),
    })),
  ).toEqual(want.reports);
}
