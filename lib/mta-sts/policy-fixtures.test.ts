// The policy parser and the `_mta-sts` record parser over the project's own fixtures
// (lib/mta-sts/fixtures, written for this project): one policy body per diagnostic the
// parser gives (STS-POL-*), byte for byte (CRLF, mixed endings, no final newline), and a
// TXT vector list (STS-TXT-*). The real-sample corpus: samples.conformance.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "./policy";
import { parseStsTxtRecord } from "./txt-record";
import { readVectors } from "./txt-vectors.test-utils";

const DIR = fileURLToPath(new URL("./fixtures", import.meta.url));

// [valid for a sender, diagnostics as severity:id@line]
const POLICIES: Record<string, [boolean, string]> = {
  // STS-POL-11: the first "mode" wins (RFC 8461 §3.2); the repeat is an error for the owner.
  "disputed-duplicate-mode": [true, "error:STS-POL-11@3"],
  "invalid-blank-line-inside": [false, "error:STS-POL-2@2"],
  "invalid-enforce-without-mx": [false, "error:STS-POL-5@-"],
  "invalid-extension-control-char": [false, "error:STS-POL-10@5"],
  "invalid-extension-empty-value": [false, "error:STS-POL-10@5"],
  "invalid-extension-name-too-long": [false, "error:STS-POL-10@5"],
  "invalid-extension-name-underscore": [false, "error:STS-POL-10@5"],
  "invalid-garbage": [
    false,
    "error:STS-POL-2@1 error:STS-POL-5@- error:STS-POL-5@- error:STS-POL-5@-",
  ],
  // A static-site source file (front matter, a comment) served as is is not a policy.
  "invalid-jekyll-source": [
    false,
    "error:STS-POL-2@1 info:STS-POL-10@2 info:STS-POL-10@3 error:STS-POL-2@4 error:STS-POL-2@5 info:STS-POL-6@6",
  ],
  "invalid-line-without-colon": [false, "error:STS-POL-2@2 error:STS-POL-5@-"],
  "invalid-max-age-above-limit": [false, "error:STS-POL-8@3"],
  "invalid-max-age-decimal": [false, "error:STS-POL-8@3"],
  "invalid-max-age-eleven-digits": [false, "error:STS-POL-8@3"],
  "invalid-max-age-negative": [false, "error:STS-POL-8@3"],
  "invalid-max-age-text": [false, "error:STS-POL-8@3"],
  "invalid-missing-max-age": [false, "error:STS-POL-5@-"],
  "invalid-missing-mode": [false, "error:STS-POL-5@-"],
  "invalid-missing-version": [false, "error:STS-POL-5@-"],
  "invalid-mode-live": [false, "error:STS-POL-4@2"],
  "invalid-mx-double-wildcard": [false, "error:STS-POL-9@4"],
  "invalid-mx-empty": [false, "error:STS-POL-9@4"],
  "invalid-mx-ipv4-literal": [false, "error:STS-POL-9@3"],
  // "nmx" is an unknown key (an extension), so the enforce policy has no mx at all.
  "invalid-mx-key-typo": [false, "info:STS-POL-10@3 error:STS-POL-5@-"],
  "invalid-mx-trailing-hyphen": [false, "error:STS-POL-9@4"],
  "invalid-mx-u-label": [false, "warning:STS-POL-12@4 error:STS-POL-9@4"],
  "invalid-mx-wildcard-ip": [false, "error:STS-POL-9@3"],
  "invalid-testing-without-mx": [false, "error:STS-POL-5@-"],
  "invalid-version-stsv10": [false, "error:STS-POL-4@1"],
  "invalid-version-stsv2": [false, "error:STS-POL-4@1"],
  "valid-enforce-crlf": [true, ""],
  "valid-extension-utf8": [true, "warning:STS-POL-12@5 info:STS-POL-10@5"],
  "valid-max-age-first": [true, ""],
  "valid-max-age-upper-bound": [true, ""],
  "valid-max-age-zero-trailing-space": [true, "warning:STS-POL-8@4"],
  "valid-no-space-mixed-endings-extension": [true, "info:STS-POL-10@5"],
  "valid-none-without-mx": [true, ""],
  "valid-short-max-age": [true, "warning:STS-POL-8@4"],
  "valid-testing-lf-wildcard": [true, ""],
  "valid-testing-no-final-newline": [true, ""],
};

const codes = (body: Uint8Array): string =>
  parsePolicy(body)
    .diagnostics.map((d) => `${d.severity}:${d.id}@${d.line ?? "-"}`)
    .join(" ");

describe("policy fixtures (STS-POL-*)", () => {
  it("the table covers every policy fixture, and every entry has its file", () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith(".txt"));
    expect(files.map((f) => f.replace(/\.txt$/, "")).sort()).toEqual(Object.keys(POLICIES).sort());
  });

  it.each(Object.entries(POLICIES))("%s", (name, [valid, expected]) => {
    const body = readFileSync(path.join(DIR, `${name}.txt`));
    expect(parsePolicy(body).valid).toBe(valid);
    expect(codes(body)).toBe(expected);
  });

  it("STS-POL-5: an empty body lacks all three required fields", () => {
    const empty = new Uint8Array(0);
    expect(parsePolicy(empty).valid).toBe(false);
    expect(codes(empty)).toBe("error:STS-POL-5@- error:STS-POL-5@- error:STS-POL-5@-");
  });

  it("STS-POL-1: CRLF, mixed endings and no final newline all read as lines", () => {
    const crlf = parsePolicy(readFileSync(path.join(DIR, "valid-enforce-crlf.txt")));
    expect([crlf.mode, crlf.maxAge, crlf.mx]).toEqual([
      "enforce",
      604800,
      ["mx1.example.com", "mx2.example.com"],
    ]);
    const mixed = parsePolicy(
      readFileSync(path.join(DIR, "valid-no-space-mixed-endings-extension.txt")),
    );
    expect([mixed.mode, mixed.maxAge, mixed.mx]).toEqual(["testing", 86400, ["mx.example.net"]]);
    expect(mixed.extensions).toEqual([["note", "kept as an extension"]]);
  });
});

describe("_mta-sts record fixtures (STS-TXT-*)", () => {
  const vectors = readVectors(path.join(DIR, "mta-sts-records.tsv"));

  it("reads all 18 vectors", () => {
    expect(vectors).toHaveLength(18);
  });

  it.each(vectors)("$expected $record ($source)", ({ expected, record }) => {
    expect(parseStsTxtRecord(record).valid ? "VALID" : "INVALID").toBe(expected);
  });

  it("STS-TXT-12: a repeated id keeps the first and warns", () => {
    const r = parseStsTxtRecord("v=STSv1; id=first; id=second");
    expect(r.diagnostics.map((d) => `${d.severity}:${d.id}`)).toEqual(["warning:STS-TXT-12"]);
  });
});
