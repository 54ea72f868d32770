// Conformance: every file in ../shared/samples/tlsrpt with its exact expected outcome
// (spec §11 RPT-QUIRK, §13 RPT-ING, §17 items 12-16 and 19). Samples are read at test time,
// never copied into the repo; run only when present (vitest.conformance.ts). The project's
// own fixtures, one per quirk: fixtures.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { samplesDir } from "@/vitest.conformance";
import { type Expected, expectReading } from "./read-expectations.test-utils";

const SAMPLES = path.join(samplesDir(), "tlsrpt");

// Warning ids are listed in the order the reader emits them; a repeated id is a distinct
// problem (e.g. RPT-QUIRK-4 once for the policy, once for the failure rows).
const EXPECTED: Record<string, Expected> = {
  "dmarc-report-viewer__google.bbd2196.json": {
    source: "json",
    reports: [
      { day: "2025-04-12", policies: [["no-policy-found", "domain.de", 2, 0, []]], warnings: [] },
    ],
  },
  "dmarc-report-viewer__google.json": {
    source: "json",
    reports: [{ day: "2025-05-22", policies: [["sts", "foo-bar.io", 1, 0, []]], warnings: [] }],
  },
  "dmarc-report-viewer__microsoft.json": {
    source: "json",
    reports: [
      {
        day: "2025-05-23",
        policies: [
          ["sts", "random.net", 2, 0, []],
          ["tlsa", "random.net", 2, 0, []],
        ],
        warnings: ["RPT-QUIRK-5"],
      },
    ],
  },
  "dmarc-report-viewer__no-contact.json": {
    source: "json",
    reports: [
      {
        day: "2026-01-11",
        policies: [["sts", "server.com", 1, 0, []]],
        warnings: ["RPT-QUIRK-3", "RPT-QUIRK-7", "RPT-JSON-9"],
      },
    ],
  },
  "dmarc-report-viewer__no-policy.json": {
    source: "json",
    reports: [
      { day: "2025-03-27", policies: [["no-policy-found", "foo-bar.io", 1, 0, []]], warnings: [] },
    ],
  },
  "dmarc-report-viewer__no_ip_and_mx.json": {
    source: "json",
    reports: [
      {
        day: "2025-06-14",
        policies: [["sts", "xxxxxxxx.xx", 0, 3, ["sts-policy-fetch-error"]]],
        warnings: ["RPT-QUIRK-4", "RPT-QUIRK-4"],
      },
    ],
  },
  "issue-cry-inc-dmarc-report-viewer-57__microsoft-fetch-error.json": {
    source: "json",
    reports: [
      {
        day: "2025-06-14",
        policies: [["sts", "xxxxxxxx.xx", 0, 3, ["sts-policy-fetch-error"]]],
        warnings: ["RPT-QUIRK-4", "RPT-QUIRK-4"],
      },
    ],
  },
  "issue-cry-inc-dmarc-report-viewer-71__refluxstop.de.json": {
    source: "json",
    reports: [
      {
        day: "2026-01-11",
        policies: [["sts", "hin.ch", 1, 0, []]],
        warnings: ["RPT-QUIRK-3", "RPT-QUIRK-7"],
      },
    ],
  },
  "issue-gutmensch-docker-dmarc-report-43__google.json": {
    source: "json",
    reports: [{ day: "2023-10-06", policies: [["sts", "mydomain.com", 4, 0, []]], warnings: [] }],
  },
  "issue-jgosmann-dmarc-metrics-exporter-52__google.json": {
    source: "json",
    reports: [{ day: "2025-06-01", policies: [["sts", "maxchernoff.ca", 3, 0, []]], warnings: [] }],
  },
  "issue-sys4-tlsrpt-reporter-51__sonne.floppy.org.json": {
    source: "json",
    reports: [
      {
        day: "2025-09-20",
        policies: [["no-policy-found", null, 1, 0, []]],
        warnings: ["RPT-QUIRK-8"],
      },
    ],
  },
  "mail-auth__rpt02.json": {
    source: "json",
    reports: [
      {
        day: "2020-01-01",
        policies: [["sts", "example.com", 23, 1, ["certificate-host-mismatch"]]],
        warnings: ["RPT-JSON-3"],
      },
    ],
  },
  "mail-auth__rpt03.json": {
    source: "json",
    reports: [
      {
        day: "2019-04-14",
        policies: [
          ["no-policy-found", null, 1, 0, []],
          ["invalid-policy-type", null, 1, 0, []],
        ],
        warnings: ["RPT-JSON-6", "RPT-JSON-10", "RPT-QUIRK-8"],
      },
    ],
  },
  "mail-tls-rpt__email.eml": {
    source: "eml",
    reports: [
      {
        day: "2020-03-02",
        policies: [["no-policy-found", "fastmaildmarc.com", 343, 0, []]],
        warnings: [],
      },
    ],
  },
  "mail-tls-rpt__report.json.gz": {
    source: "gzip",
    reports: [
      {
        day: "2020-03-02",
        policies: [["no-policy-found", "fastmaildmarc.com", 343, 0, []]],
        warnings: [],
      },
    ],
  },
  "mox__example.eml": {
    source: "eml",
    reports: [{ day: "2022-09-15", policies: [["sts", "test.xmox.nl", 3, 0, []]], warnings: [] }],
  },
  "mox__microsoft.eml": {
    source: "eml",
    reports: [
      {
        day: "2023-01-10",
        policies: [["sts", "test.xmox.nl", 2, 0, []]],
        warnings: ["RPT-QUIRK-2"],
      },
    ],
  },
  "mta-sts-exporter__google.json": {
    source: "json",
    reports: [{ day: "2024-02-17", policies: [["sts", "example.com", 53, 0, []]], warnings: [] }],
  },
  "mta-sts-exporter__microsoft-2.json": {
    source: "json",
    reports: [
      {
        day: "2024-03-26",
        policies: [["sts", "example.com", 7, 0, []]],
        warnings: ["RPT-QUIRK-2"],
      },
    ],
  },
  "mta-sts-exporter__microsoft.json": {
    source: "json",
    reports: [{ day: "2024-02-16", policies: [["sts", "example.com", 18, 0, []]], warnings: [] }],
  },
  "mta-sts-exporter__rfc-errata-6241.json": {
    source: "json",
    reports: [
      {
        day: "2016-04-01",
        policies: [
          [
            "sts",
            "company-y.example",
            5326,
            303,
            ["certificate-expired", "starttls-not-supported", "validation-failure"],
          ],
        ],
        warnings: ["RPT-JSON-8"],
      },
    ],
  },
  "parsedmarc__google.com_smtp_tls_report.eml": {
    source: "eml",
    reports: [
      {
        day: "2024-09-03",
        policies: [["no-policy-found", "cardinalhealth.ca", 48, 0, []]],
        warnings: [],
      },
    ],
  },
  "parsedmarc__mail.ru.json": {
    source: "json",
    reports: [
      {
        day: "2024-02-22",
        policies: [
          ["sts", "example.com", 0, 1, ["sts-policy-fetch-error", "sts-policy-fetch-error"]],
        ],
        warnings: ["RPT-QUIRK-3", "RPT-QUIRK-4", "RPT-QUIRK-4"],
      },
    ],
  },
  "parsedmarc__rfc8460.json": {
    source: "json",
    reports: [
      {
        day: "2016-04-01",
        policies: [
          [
            "sts",
            "company-y.example",
            5326,
            303,
            ["certificate-expired", "starttls-not-supported", "validation-failure"],
          ],
        ],
        warnings: ["RPT-QUIRK-1", "RPT-JSON-8"],
      },
    ],
  },
  "parsedmarc__smtp_tls.json": {
    source: "json",
    reports: [
      {
        day: "2024-01-09",
        policies: [["sts", "example.com", 0, 3, ["validation-failure", "validation-failure"]]],
        warnings: [],
      },
    ],
  },
  "sebastka-tlsrpt__google-sts.json": {
    source: "json",
    reports: [{ day: "2026-08-27", policies: [["sts", "karlsen.fr", 2, 0, []]], warnings: [] }],
  },
  "sebastka-tlsrpt__microsoft-tlsa-sts.json": {
    source: "json",
    reports: [
      {
        day: "2026-08-18",
        policies: [
          ["tlsa", "karlsen.fr", 4, 0, []],
          ["sts", "karlsen.fr", 4, 0, []],
        ],
        warnings: ["RPT-QUIRK-5"],
      },
    ],
  },
  "sebastka-tlsrpt__synthetic-failures.json": {
    source: "json",
    reports: [
      {
        day: "2026-09-10",
        policies: [
          ["sts", "example.com", 90, 10, ["certificate-expired", "starttls-not-supported"]],
          ["no-policy-found", "example.org", 5, 0, []],
        ],
        warnings: [],
      },
    ],
  },
  "tls-rpt-monitor__microsoft-report.json": {
    source: "json",
    reports: [
      {
        day: "2025-08-03",
        policies: [["sts", "josh.scot", 2, 2, ["Testing"]]],
        warnings: ["RPT-JSON-10", "RPT-JSON-4", "RPT-JSON-8"],
      },
    ],
  },
  "tls-rpt-monitor__microsoft-report.json.gz": {
    source: "gzip",
    reports: [{ day: "2025-08-03", policies: [["sts", "josh.scot", 2, 0, []]], warnings: [] }],
  },
  "tlsrpt-digest__tlsrpt_failure.eml": {
    source: "eml",
    reports: [
      {
        day: "2026-02-08",
        policies: [["sts", "example.com", 4523, 2, ["certificate-expired"]]],
        warnings: ["RPT-QUIRK-3", "RPT-ING-7"],
      },
    ],
  },
  "tlsrpt-digest__tlsrpt_success_google_1.eml": {
    source: "eml",
    reports: [{ day: "2026-05-11", policies: [["sts", "example.com", 1, 0, []]], warnings: [] }],
  },
  "tlsrpt-digest__tlsrpt_success_microsoft.eml": {
    source: "eml",
    reports: [{ day: "2026-05-13", policies: [["sts", "example.com", 2, 0, []]], warnings: [] }],
  },
  "tlsrpt-rs__empty.eml": { refused: "no-report" },
  "tlsrpt-rs__google1.eml": {
    source: "eml",
    reports: [{ day: "2024-09-15", policies: [["sts", "krvtz.net", 1, 0, []]], warnings: [] }],
  },
  "tlsrpt-rs__google2.eml": {
    source: "eml",
    reports: [{ day: "2024-09-18", policies: [["sts", "krvtz.net", 2, 0, []]], warnings: [] }],
  },
  "tlsrpt-rs__mail.ru.eml": {
    source: "eml",
    reports: [
      {
        day: "2023-01-25",
        policies: [["sts", "krvtz.net", 0, 1, ["sts-policy-fetch-error"]]],
        warnings: ["RPT-QUIRK-3", "RPT-QUIRK-4", "RPT-QUIRK-4"],
      },
    ],
  },
  "tlsrpt-rs__microsoft1.eml": {
    source: "eml",
    reports: [
      {
        day: "2024-09-13",
        policies: [
          ["sts", "krvtz.net", 2, 0, []],
          ["tlsa", "krvtz.net", 2, 0, []],
        ],
        warnings: ["RPT-QUIRK-5"],
      },
    ],
  },
  "unidentified-bq-cloudfn__google-2020-02-06.json": {
    source: "json",
    reports: [
      {
        day: "2020-02-06",
        policies: [
          ["no-policy-found", "test.mailflow.ovh", 1, 0, []],
          [
            "sts",
            "test.mailflow.ovh",
            0,
            3,
            ["validation-failure", "validation-failure", "validation-failure"],
          ],
          [
            "sts",
            "test.mailflow.ovh",
            0,
            10,
            [
              "validation-failure",
              "validation-failure",
              "validation-failure",
              "validation-failure",
              "validation-failure",
            ],
          ],
        ],
        warnings: [],
      },
    ],
  },
  "unidentified-bq-cloudfn__ludemo-edited.json": { refused: "invalid-field", field: "date-range" },
  "unidentified-bq-cloudfn__socketlabs-2020-02-27.json": {
    source: "json",
    reports: [
      {
        day: "2020-02-27",
        policies: [
          ["sts", "test.mailflow.ovh", 12, 0, []],
          ["sts", "test.mailflow.ovh", 0, 2, ["certificate-host-mismatch"]],
        ],
        warnings: ["RPT-QUIRK-3", "RPT-JSON-4"],
      },
    ],
  },
};

const files = readdirSync(SAMPLES).sort();

describe("tlsrpt samples (../shared/samples/tlsrpt)", () => {
  it("the table covers every sample file, and every table entry exists", () => {
    expect(files.length).toBe(41);
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(Object.entries(EXPECTED))("%s", async (file, want) => {
    await expectReading(readFileSync(path.join(SAMPLES, file)), file, want);
  });
});
