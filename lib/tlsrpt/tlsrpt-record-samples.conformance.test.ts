// Conformance: the real-sample corpus's `_smtp._tls` vector list (read at test time, never
// copied; run only when present, see vitest.conformance.ts).
import { describe, expect, it } from "vitest";
import path from "node:path";
import { samplesDir } from "@/vitest.conformance";
import { readVectors } from "../mta-sts/txt-vectors.test-utils";
import { parseTlsRptRecord } from "./tlsrpt-record";

// Where our verdict differs from the source project's test, and why.
const DISAGREEMENTS: Record<string, { valid: boolean; ids: string[] }> = {
  // TV-RPT-1 / RPT-TXT-6: checkdmarc rejects a second rua; we merge and warn.
  "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com": {
    valid: true,
    ids: ["RPT-TXT-6"],
  },
  // RPT-TXT-3: the second destination has no scheme (stalwart #464 quoted it as valid).
  "v=TLSRPTv1; rua=mailto:postmaster@domain.com,however@domain.com": {
    valid: false,
    ids: ["RPT-TXT-3"],
  },
};

describe("_smtp._tls record vectors (RPT-TXT-*)", () => {
  const vectors = readVectors(
    path.join(samplesDir(), "policies", "txt-records__tlsrpt-record-vectors.txt"),
  );

  it("reads all 17 vectors", () => {
    expect(vectors).toHaveLength(17);
  });

  it.each(vectors)("$expected $record ($source)", ({ expected, record }) => {
    const result = parseTlsRptRecord(record);
    const override = DISAGREEMENTS[record];
    if (override) {
      expect(result.valid).toBe(override.valid);
      expect(result.diagnostics.map((d) => d.id)).toEqual(override.ids);
    } else {
      expect(result.valid ? "VALID" : "INVALID").toBe(expected);
    }
  });
});
