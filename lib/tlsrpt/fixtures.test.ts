// The reader over the project's own report fixtures (lib/tlsrpt/fixtures, described in
// its README.md): one file per real-world quirk (spec §11 RPT-QUIRK, §16.5 TV-JSON), each
// with its exact outcome. The real-sample corpus runs as samples.conformance.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAny } from "./read-any";
import { type Expected, expectReading } from "./read-expectations.test-utils";
import { FIXTURES_DIR, reportFixtures } from "./report-fixtures.test-utils";

const clean = (successful: number): Expected => ({
  source: "json",
  reports: [
    { day: "2025-05-01", policies: [["sts", "example.com", successful, 0, []]], warnings: [] },
  ],
});

const EXPECTED: Record<string, Expected> = {
  // RPT-QUIRK-6: Google-style report-id, no failure-details key when nothing failed.
  "clean-sts-enforce.json": clean(120),
  // TV-JSON-8: same reporter and report-id as clean-sts-enforce.json, other counts.
  "conflicting-resend.json": clean(121),
  // RPT-QUIRK-2 / TV-JSON-2: no UTC offset (one warning for both datetimes).
  "datetime-without-offset.json": {
    source: "json",
    reports: [
      {
        day: "2025-05-04",
        policies: [["sts", "example.com", 9, 0, []]],
        warnings: ["RPT-QUIRK-2"],
      },
    ],
  },
  // RPT-QUIRK-3, RPT-QUIRK-9 ("mx-host": []), RPT-JSON-4 ("receiving-mx-host-name").
  "empty-mx-host-misspelled-key.json": {
    source: "json",
    reports: [
      {
        day: "2025-05-12",
        policies: [
          ["sts", "example.net", 12, 0, []],
          ["sts", "example.net", 0, 2, ["certificate-host-mismatch"]],
        ],
        warnings: ["RPT-QUIRK-3", "RPT-JSON-4"],
      },
    ],
  },
  // RPT-QUIRK-4 / TV-JSON-4: bare fetch-error entries; TV-JSON-9: details (5) > summary (4).
  "fetch-error-bare-fields.json": {
    source: "json",
    reports: [
      {
        day: "2025-05-06",
        policies: [
          ["sts", "example.org", 0, 4, ["sts-policy-fetch-error", "sts-policy-fetch-error"]],
        ],
        warnings: ["RPT-QUIRK-4", "RPT-QUIRK-4"],
      },
    ],
  },
  // RPT-ING-7: the attachment's filename names another period; the JSON wins.
  "filename-dates-mismatch.eml": {
    source: "eml",
    reports: [
      {
        day: "2025-05-18",
        policies: [["sts", "example.net", 800, 3, ["certificate-expired"]]],
        warnings: ["RPT-QUIRK-3", "RPT-ING-7"],
      },
    ],
  },
  // RPT-JSON-4 (aliases), RPT-JSON-10 (unknown result and policy types), RPT-JSON-6.
  "malformed-fields.json": {
    source: "json",
    reports: [
      {
        day: "2025-05-09",
        policies: [
          ["sts", "example.org", 5, 2, ["sts-something-new"]],
          ["dane-experimental", "example.org", 1, 0, []],
        ],
        warnings: ["RPT-JSON-4", "RPT-JSON-10", "RPT-JSON-4", "RPT-JSON-10", "RPT-JSON-6"],
      },
    ],
  },
  // RPT-QUIRK-8: no policy-domain, and no header or filename to take it from.
  "missing-policy-domain.json": {
    source: "json",
    reports: [
      {
        day: "2025-05-08",
        policies: [["no-policy-found", null, 1, 0, []]],
        warnings: ["RPT-QUIRK-8"],
      },
    ],
  },
  // RPT-QUIRK-3, RPT-QUIRK-7 (contact-info null), RPT-JSON-9 ("mx: host" as the pattern).
  "next-day-end-contact-null.json": {
    source: "json",
    reports: [
      {
        day: "2025-05-05",
        policies: [["sts", "example.net", 3, 0, []]],
        warnings: ["RPT-QUIRK-3", "RPT-QUIRK-7", "RPT-JSON-9"],
      },
    ],
  },
  // RPT-QUIRK-6 / TV-JSON-5: minified, no-policy-found with only type and domain.
  "no-policy-found-minified.json": {
    source: "json",
    reports: [
      { day: "2025-05-02", policies: [["no-policy-found", "example.net", 7, 0, []]], warnings: [] },
    ],
  },
  // RPT-ING-2: an ordinary e-mail is no report.
  "no-report.eml": { refused: "no-report" },
  // RPT-QUIRK-10 / TV-JSON-11: gzip labelled application/octet-stream and named .json.
  "octet-stream-gzip.eml": {
    source: "eml",
    reports: [
      {
        day: "2025-05-16",
        policies: [["sts", "example.org", 4, 0, []]],
        warnings: ["RPT-QUIRK-2"],
      },
    ],
  },
  // Three entries for one domain on one day: no policy, then two policy versions.
  "policy-change-same-day.json": {
    source: "json",
    reports: [
      {
        day: "2025-05-11",
        policies: [
          ["no-policy-found", "shop.example.net", 1, 0, []],
          ["sts", "shop.example.net", 0, 3, ["validation-failure", "validation-failure"]],
          ["sts", "shop.example.net", 0, 5, ["validation-failure", "validation-failure"]],
        ],
        warnings: [],
      },
    ],
  },
  // The attachment of report-mail.eml as a bare .json.gz (TV-JSON-7: stored once).
  "report-mail-attachment.json.gz": {
    source: "gzip",
    reports: [{ day: "2025-05-15", policies: [["sts", "example.com", 15, 0, []]], warnings: [] }],
  },
  "report-mail.eml": {
    source: "eml",
    reports: [{ day: "2025-05-15", policies: [["sts", "example.com", 15, 0, []]], warnings: [] }],
  },
  // RPT-QUIRK-1, RPT-QUIRK-12 / TV-JSON-1: mx-host string, IPv6 not canonical (RPT-JSON-8).
  "rfc-appendix-style.json": {
    source: "json",
    reports: [
      {
        day: "2025-05-03",
        policies: [
          [
            "sts",
            "example.org",
            900,
            60,
            ["certificate-expired", "starttls-not-supported", "validation-failure"],
          ],
        ],
        warnings: ["RPT-QUIRK-1", "RPT-JSON-8"],
      },
    ],
  },
  // RPT-JSON-3: a start after the end is refused, naming the field.
  "start-after-end.json": { refused: "invalid-field", field: "date-range" },
  // RPT-QUIRK-5 / TV-JSON-3: TLSA records as one JSON-encoded string.
  "tlsa-json-in-string.json": {
    source: "json",
    reports: [
      {
        day: "2025-05-07",
        policies: [
          ["sts", "example.com", 2, 0, []],
          ["tlsa", "example.com", 2, 0, []],
        ],
        warnings: ["RPT-QUIRK-5"],
      },
    ],
  },
  // RPT-JSON-3: seven days, filed under the day holding most of the range.
  "week-long-range.json": {
    source: "json",
    reports: [
      {
        day: "2025-05-01",
        policies: [["sts", "example.com", 30, 1, ["certificate-host-mismatch"]]],
        warnings: ["RPT-JSON-3"],
      },
    ],
  },
};

describe("report fixtures (lib/tlsrpt/fixtures)", () => {
  it("the table covers every fixture file, and every table entry exists", () => {
    expect(reportFixtures().map((f) => f.name)).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s", async (name, want) => {
    await expectReading(readFileSync(path.join(FIXTURES_DIR, name)), name, want);
  });

  it("RPT-QUIRK-5: the TLSA lines are unwrapped to one string per record", async () => {
    const got = await readAny(readFileSync(path.join(FIXTURES_DIR, "tlsa-json-in-string.json")));
    const tlsa = got.ok ? got.value.reports[0]?.policies[1] : undefined;
    expect(tlsa?.policyStrings).toEqual([`3 1 1 ${"AB".repeat(32)}`, `3 1 1 ${"CD".repeat(32)}`]);
  });
});
