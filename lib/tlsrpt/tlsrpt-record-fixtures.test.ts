// The `_smtp._tls` record parser over the project's own vector list
// (lib/tlsrpt/fixtures/tlsrpt-records.tsv, written for this project). The real-sample
// corpus's list: tlsrpt-record-samples.conformance.test.ts.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readVectors } from "../mta-sts/txt-vectors.test-utils";
import { parseTlsRptRecord } from "./tlsrpt-record";

const FILE = fileURLToPath(new URL("./fixtures/tlsrpt-records.tsv", import.meta.url));

describe("_smtp._tls record fixtures (RPT-TXT-*)", () => {
  const vectors = readVectors(FILE);

  it("reads all 14 vectors", () => {
    expect(vectors).toHaveLength(14);
  });

  it.each(vectors)("$expected $record ($source)", ({ expected, record }) => {
    expect(parseTlsRptRecord(record).valid ? "VALID" : "INVALID").toBe(expected);
  });

  it("RPT-TXT-6: a second rua is merged with a warning; RPT-TXT-3 names a scheme-less one", () => {
    const merged = parseTlsRptRecord(
      "v=TLSRPTv1; rua=mailto:a@example.org; rua=mailto:b@example.org",
    );
    expect(merged.diagnostics.map((d) => `${d.severity}:${d.id}`)).toEqual(["warning:RPT-TXT-6"]);
    const bare = parseTlsRptRecord("v=TLSRPTv1; rua=mailto:a@example.org,b@example.org");
    expect(bare.diagnostics.map((d) => `${d.severity}:${d.id}`)).toEqual(["error:RPT-TXT-3"]);
  });
});
