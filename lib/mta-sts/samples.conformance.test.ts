// Conformance: the parsers over the real-sample corpus (../shared/samples or
// STS_SAMPLES_DIR, read at test time, never copied; run only when present, see
// vitest.conformance.ts). The project's own fixtures: policy-fixtures.test.ts.
// Expected verdicts follow RFC 8461 and the spec; where a source project disagrees, the
// file name says "disputed" and the spec section is cited below.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { samplesDir } from "@/vitest.conformance";
import { parsePolicy } from "./policy";
import { parseStsTxtRecord } from "./txt-record";
import { readVectors } from "./txt-vectors.test-utils";

// [sender verdict, diagnostics as severity:id@line]
const POLICIES: Record<string, [boolean, string]> = {
  "checkdmarc__disputed-duplicate-mode": [true, "error:STS-POL-11@3"],
  "checkdmarc__disputed-unknown-key-badkey": [true, "info:STS-POL-10@5"],
  "checkdmarc__invalid-enforce-no-mx": [false, "error:STS-POL-5@-"],
  "checkdmarc__invalid-max_age-99999999": [false, "error:STS-POL-8@3"],
  "checkdmarc__invalid-max_age-abc": [false, "error:STS-POL-8@3"],
  "checkdmarc__invalid-max_age-decimal": [false, "error:STS-POL-8@3"],
  "checkdmarc__invalid-max_age-negative": [false, "error:STS-POL-8@3"],
  "checkdmarc__invalid-missing-max_age-and-mx": [false, "error:STS-POL-5@- error:STS-POL-5@-"],
  "checkdmarc__invalid-mode-invalid": [false, "error:STS-POL-4@2"],
  "checkdmarc__invalid-not-a-pair": [
    false,
    "error:STS-POL-2@2 error:STS-POL-5@- error:STS-POL-5@-",
  ],
  "checkdmarc__invalid-version-STSv2": [false, "error:STS-POL-4@1"],
  "checkdmarc__valid-crlf-enforce": [true, ""],
  "checkdmarc__valid-lf-testing-wildcard": [true, "warning:STS-POL-8@3"],
  "from-report-google-2020-02-06__test.mailflow.ovh-v1": [true, ""],
  "from-report-google-2020-02-06__test.mailflow.ovh-v2": [true, ""],
  "from-report-refluxstop-issue71__hin.ch": [true, ""],
  "issue-Zuplu-postfix-tlspol-70__pue.de-ip-in-mx": [false, "error:STS-POL-9@7"],
  "issue-Zuplu-postfix-tlspol-95__INVALID-lebenshilfe-neuwied.de-nmx-typo": [
    false,
    "info:STS-POL-10@3 error:STS-POL-5@-",
  ],
  "mox__invalid-empty": [false, "error:STS-POL-5@- error:STS-POL-5@- error:STS-POL-5@-"],
  "mox__invalid-enforce-missing-mx": [false, "warning:STS-POL-8@2 error:STS-POL-5@-"],
  "mox__invalid-extension-empty-value": [false, "error:STS-POL-10@4"],
  "mox__invalid-extension-name-33-chars": [false, "error:STS-POL-10@4"],
  "mox__invalid-extension-name-underscore": [false, "error:STS-POL-10@4"],
  "mox__invalid-max_age-11-digits": [false, "error:STS-POL-8@3"],
  "mox__invalid-max_age-a": [false, "error:STS-POL-8@3"],
  "mox__invalid-missing-max_age": [false, "error:STS-POL-5@-"],
  "mox__invalid-missing-mode": [false, "error:STS-POL-5@-"],
  "mox__invalid-missing-version": [false, "error:STS-POL-5@-"],
  "mox__invalid-mode-bad": [false, "error:STS-POL-4@2"],
  "mox__invalid-mx-double-star-trailing-hyphen": [false, "warning:STS-POL-8@3 error:STS-POL-9@4"],
  "mox__invalid-mx-double-star": [false, "warning:STS-POL-8@3 error:STS-POL-9@4"],
  "mox__invalid-mx-double-wildcard-label": [false, "warning:STS-POL-8@3 error:STS-POL-9@4"],
  "mox__invalid-mx-empty-value": [false, "warning:STS-POL-8@3 error:STS-POL-9@4"],
  "mox__invalid-mx-trailing-hyphen": [false, "warning:STS-POL-8@3 error:STS-POL-9@4"],
  "mox__invalid-mx-u-label-not-a-label": [false, "warning:STS-POL-12@4 error:STS-POL-9@4"],
  "mox__invalid-testing-missing-mx": [false, "warning:STS-POL-8@2 error:STS-POL-5@-"],
  "mox__invalid-version-STSv0": [false, "error:STS-POL-4@1"],
  "mox__invalid-version-STSv10": [false, "error:STS-POL-4@1"],
  "mox__invalid-version-STSv2": [false, "error:STS-POL-4@1"],
  "mox__valid-no-space-mixed-crlf-extension": [true, "warning:STS-POL-8@4 info:STS-POL-10@5"],
  "mox__valid-three-mx-testing": [true, ""],
  "mox__valid-trailing-wsp-max_age-0": [true, "warning:STS-POL-8@4"],
  "postfix-mta-sts-resolver__invalid-bad-policy1-garbage": [
    false,
    "error:STS-POL-2@1 error:STS-POL-5@- error:STS-POL-5@- error:STS-POL-5@-",
  ],
  "postfix-mta-sts-resolver__invalid-bad-policy2-enforce-no-mx": [false, "error:STS-POL-5@-"],
  "postfix-mta-sts-resolver__invalid-bad-policy5-max_age-nonnumeric": [false, "error:STS-POL-8@4"],
  "postfix-mta-sts-resolver__invalid-bad-policy6-max_age-31557601": [false, "error:STS-POL-8@4"],
  "postfix-mta-sts-resolver__invalid-bad-policy7-no-mode": [false, "error:STS-POL-5@-"],
  "postfix-mta-sts-resolver__invalid-bad-policy8-mode-doubt": [false, "error:STS-POL-4@2"],
  "postfix-mta-sts-resolver__valid-fast-expire-max_age-1": [true, "warning:STS-POL-8@3"],
  "postfix-mta-sts-resolver__valid-good.loc": [true, ""],
  "postfix-mta-sts-resolver__valid-none-no-mx": [true, ""],
  "postfix-mta-sts-resolver__valid-testing-trailing-newline": [true, ""],
  "postfix-tlspol__invalid-blank-line": [false, "error:STS-POL-2@2"],
  "postfix-tlspol__invalid-extension-control-char": [false, "error:STS-POL-10@5"],
  "postfix-tlspol__invalid-mx-ip-literal": [false, "error:STS-POL-9@3"],
  "postfix-tlspol__invalid-mx-wildcard-ip": [false, "error:STS-POL-9@3"],
  "postfix-tlspol__valid-extension-utf8": [true, "warning:STS-POL-12@5 info:STS-POL-10@5"],
  "postfix-tlspol__valid-max_age-upper-bound-utf8-ext": [
    true,
    "warning:STS-POL-12@2 info:STS-POL-10@2",
  ],
  "real-207degrees-mta-sts.gosia24.eu__mta-sts": [true, ""],
  "real-AS213151-mta-sts.as213151.net__mta-sts": [true, ""],
  "real-ATCADS-mta-sts.sbcountyatc.gov__mta-sts": [true, ""],
  "real-ArjanNeering-well-known__mta-sts": [true, ""],
  "real-BeyondParanoid-mta-sts.beyondparanoid.com__mta-sts": [true, ""],
  "real-BhamSTS-boldmere.bham.sch.uk__mta-sts": [true, ""],
  "real-FiloSottile-mostly-harmless__mta-sts": [true, ""],
  "real-INVALID-cyberfear-com-frontEnd__mta-sts": [false, "error:STS-POL-4@2"],
  "real-Jxck-S-MTA-STS__mta-sts": [true, "warning:STS-POL-8@4"],
  "real-febit-mta-sts.febit.eu__mta-sts": [true, ""],
  "real-fuomag9-github.io__mta-sts": [true, ""],
  "real-klove-thygesen-dk__mta-sts": [true, ""],
};

const codes = (body: Uint8Array): string =>
  parsePolicy(body)
    .diagnostics.map((d) => `${d.severity}:${d.id}@${d.line ?? "-"}`)
    .join(" ");

describe("policy samples (STS-POL-*)", () => {
  const dir = path.join(samplesDir(), "policies");
  const files = readdirSync(dir).filter((f) => !f.startsWith("txt-records"));

  it("covers every policy file in the corpus", () => {
    const known = [...Object.keys(POLICIES), "real-JBYoshi-mta-sts__mta-sts.jekyll-source"];
    expect(files.map((f) => f.replace(/\.txt$/, "")).sort()).toEqual(known.sort());
  });

  it.each(Object.entries(POLICIES))("%s", (name, [valid, expected]) => {
    const body = readFileSync(path.join(dir, `${name}.txt`));
    expect(parsePolicy(body).valid).toBe(valid);
    expect(codes(body)).toBe(expected);
  });

  it("STS-POL-2: a Jekyll source file (front matter, comments) is not a policy", () => {
    const body = readFileSync(path.join(dir, "real-JBYoshi-mta-sts__mta-sts.jekyll-source.txt"));
    const r = parsePolicy(body);
    expect(r.valid).toBe(false);
    expect(r.diagnostics.filter((d) => d.id === "STS-POL-2" && d.line === 1)).toHaveLength(1);
  });
});

// STS-TXT-12 / TV-TXT-14: checkdmarc rejects a duplicate id; the RFC and mox take the first.
const TXT_DISAGREEMENTS = new Set(["v=STSv1; id=foo; id=bar"]);

describe("_mta-sts record vectors (STS-TXT-*)", () => {
  const vectors = readVectors(
    path.join(samplesDir(), "policies", "txt-records__mta-sts-record-vectors.txt"),
  );

  it("reads all 34 vectors", () => {
    expect(vectors).toHaveLength(34);
  });

  it.each(vectors)("$expected $record ($source)", ({ expected, record }) => {
    const verdict = parseStsTxtRecord(record).valid ? "VALID" : "INVALID";
    if (TXT_DISAGREEMENTS.has(record)) {
      expect(verdict).toBe("VALID");
      expect(parseStsTxtRecord(record).diagnostics.map((d) => d.id)).toEqual(["STS-TXT-12"]);
    } else {
      expect(verdict).toBe(expected);
    }
  });
});
