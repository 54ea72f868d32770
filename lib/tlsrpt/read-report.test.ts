// Unit tests for the reader's edges: containers, caps, I-JSON checks (RPT-ING-1/3),
// field normalization (RPT-JSON-8/9), hashing and domain totals (RPT-ING-5, RPT-JSON-7).
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { canonicalContent, computeContentHash } from "./content-hash";
import { domainSessionTotals } from "./domain-totals";
import { parseDatetime } from "./fields";
import { parseReportFilename } from "./filename";
import { readReport } from "./read-report";
import { bytesOf, googleReport, type Json } from "./inline-reports.test-utils";
import type { NormalizedReport } from "./types";

function ok(bytes: Uint8Array, hints = {}): NormalizedReport {
  const r = readReport(bytes, hints);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.reports[0] as NormalizedReport;
}
const code = (bytes: Uint8Array, hints = {}) => {
  const r = readReport(bytes, hints);
  return r.ok ? "ok" : r.error.code;
};
const firstDetail = (v: { [k: string]: Json }) =>
  (((v.policies as Json[])[0] as { [k: string]: Json })["failure-details"] as Json[])[0] as {
    [k: string]: Json;
  };

describe("readReport containers and caps", () => {
  it("RPT-ING-3: strips a UTF-8 BOM and notes it", () => {
    const r = ok(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf(googleReport())]));
    expect(r.warnings.map((w) => [w.id, w.severity])).toEqual([["RPT-ING-3", "info"]]);
  });

  it("RPT-ING-1: a multi-member gzip stream is read as one document", () => {
    const text = bytesOf(googleReport());
    const two = Buffer.concat([gzipSync(text.subarray(0, 100)), gzipSync(text.subarray(100))]);
    expect(ok(two).reportId).toBe("2025-04-12T00:00:00Z_example.com");
  });

  it("RPT-QUIRK-10: gzip is sniffed from the bytes whatever the label says", () => {
    const r = readReport(gzipSync(bytesOf(googleReport())), { contentType: "application/json" });
    expect(r.ok && r.value.source).toBe("gzip");
  });

  it("RPT-ING-1: refuses input above the compressed cap before reading it", () => {
    expect(code(bytesOf(googleReport()), { maxCompressed: 100 })).toBe("too-large");
    expect(code(Buffer.alloc(10 * 1024 * 1024 + 1, 0x20))).toBe("too-large");
  });

  it("refuses truncated gzip, zip archives, email and random bytes with distinct codes", () => {
    const gz = gzipSync(bytesOf(googleReport()));
    expect(code(gz.subarray(0, gz.length - 10))).toBe("not-gzip");
    expect(code(Buffer.from("PK\x03\x04rest"))).toBe("unsupported-format");
    expect(code(Buffer.from("From: a@b.example\r\nSubject: x\r\n\r\nbody"))).toBe(
      "unsupported-format",
    );
    expect(code(Buffer.from("hello"))).toBe("unsupported-format");
    expect(code(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toBe("bad-encoding");
    expect(code(Buffer.from('{"policies": [}'))).toBe("bad-json");
    expect(code(Buffer.from('{"hello": 1}'))).toBe("not-a-report");
    expect(code(Buffer.from("[1,2]"))).toBe("not-a-report");
    expect(code(Buffer.from("[".repeat(200) + "]".repeat(200)))).toBe("bad-json");
  });
});

describe("readReport fields", () => {
  it("RPT-ING-3: duplicate member names keep the last value, with a warning naming them", () => {
    const text = JSON.stringify(googleReport()).replace(
      '"organization-name":"Google Inc."',
      '"organization-name":"First","organization-name":"Google Inc."',
    );
    const r = ok(Buffer.from(text));
    expect(r.organizationName).toBe("Google Inc.");
    expect(r.warnings).toMatchObject([
      {
        id: "RPT-ING-3",
        severity: "warning",
        message:
          "duplicate member names (I-JSON forbids them); the last value was kept: organization-name",
      },
    ]);
  });

  it("RPT-ING-3: a digit-only string count is read with a warning; a negative one is refused", () => {
    const v = googleReport();
    firstDetail(v)["failed-session-count"] = "2";
    expect(ok(bytesOf(v)).warnings.map((w) => w.message)).toEqual([
      'policies[0].failure-details[0].failed-session-count: count written as a string ("2"); read as a number',
    ]);
    firstDetail(v)["failed-session-count"] = -1;
    expect(readReport(bytesOf(v))).toMatchObject({
      ok: false,
      error: {
        code: "invalid-field",
        field: "policies[0].failure-details[0].failed-session-count",
        message:
          "policies[0].failure-details[0].failed-session-count: expected a non-negative safe integer, got -1",
      },
    });
  });

  it("RPT-JSON-8: IPs are stored canonically; IPv4-mapped IPv6 keeps the dotted form", () => {
    const v = googleReport();
    firstDetail(v)["sending-mta-ip"] = "::FFFF:192.0.2.1";
    firstDetail(v)["receiving-ip"] = "2001:DB8:0:0:0:0:0:1";
    const d = ok(bytesOf(v)).policies[0]?.failureDetails[0];
    expect([d?.sendingMtaIp, d?.receivingIp]).toEqual(["::ffff:192.0.2.1", "2001:db8::1"]);
  });

  it("RPT-JSON-9: hosts are lowercased A-labels without the trailing dot", () => {
    const v = googleReport();
    firstDetail(v)["receiving-mx-hostname"] = "MX.Bücher.example.";
    const r = ok(bytesOf(v));
    expect(r.policies[0]?.failureDetails[0]?.receivingMxHostname).toBe("mx.xn--bcher-kva.example");
    expect(r.warnings.map((w) => w.id)).toEqual(["RPT-JSON-9"]);
  });

  it("RPT-ING-4: a missing report-id is synthesised from the content hash", () => {
    const v = googleReport();
    delete v["report-id"];
    const r = ok(bytesOf(v));
    expect(r.reportIdSynthesized).toBe(true);
    expect(r.reportId).toBe(`synthetic-${computeContentHash(r).slice(0, 32)}`);
    expect(r.warnings.map((w) => w.id)).toEqual(["RPT-ING-4"]);
  });

  it("RPT-DELIV-5: a submitter that is not contact-info's domain is a warning; a subdomain is fine", () => {
    const bytes = bytesOf(googleReport());
    expect(ok(bytes, { submitter: "google.com" }).warnings).toEqual([]);
    expect(ok(bytes, { submitter: "Example Org" }).warnings.map((w) => w.id)).toEqual([
      "RPT-DELIV-5",
    ]);
  });

  it("RPT-ING-5: the canonical form is exactly JSON.stringify of the positional arrays", () => {
    const v = googleReport();
    firstDetail(v)["failure-reason-code"] = 'quote " backslash \\ tab \t é';
    const r = ok(bytesOf(v));
    const p = r.policies[0];
    const d = p?.failureDetails[0];
    const expected = JSON.stringify([
      r.organizationName,
      r.contactInfo,
      r.reportId,
      r.startDatetime.getTime(),
      r.endDatetime.getTime(),
      [
        [
          p?.policyType,
          p?.policyDomain,
          p?.policyStrings,
          p?.mxHosts,
          p?.totalSuccessfulSessionCount,
          p?.totalFailureSessionCount,
          [
            [
              d?.resultType,
              d?.sendingMtaIp,
              d?.receivingMxHostname,
              d?.receivingMxHelo,
              d?.receivingIp,
              d?.failedSessionCount,
              d?.additionalInformation,
              d?.failureReasonCode,
            ],
          ],
        ],
      ],
    ]);
    expect(canonicalContent({ ...r, reportId: r.reportId })).toBe(expected);
    expect(canonicalContent(r, false)).toBe(expected);
  });
});

describe("helpers", () => {
  it("RPT-JSON-7: sts/tlsa overlap (max), no-policy-found adds, policy versions of one type add", () => {
    const pol = (policyType: string, policyDomain: string, ok: number, failed: number) => ({
      policyType,
      policyDomain,
      policyStrings: [],
      mxHosts: [],
      totalSuccessfulSessionCount: ok,
      totalFailureSessionCount: failed,
      failureDetails: [],
    });
    const totals = domainSessionTotals({
      policies: [
        pol("sts", "a.example", 5, 1),
        pol("sts", "a.example", 2, 0),
        pol("tlsa", "a.example", 7, 0),
        pol("no-policy-found", "a.example", 3, 0),
        pol("sts", "b.example", 1, 0),
      ],
    });
    expect(totals.map((t) => [t.policyDomain, t.sessions])).toEqual([
      ["a.example", { successful: 10, failed: 1 }],
      ["b.example", { successful: 1, failed: 0 }],
    ]);
  });

  it("RPT-QUIRK-2: datetimes with and without offsets, fractions and invalid dates", () => {
    const z = { zoneless: false };
    expect(parseDatetime("2024-01-01T00:00:00+02:00", z)).toBe(Date.UTC(2023, 11, 31, 22));
    expect(parseDatetime("2024-01-01T00:00:00.250Z", z)).toBe(Date.UTC(2024, 0, 1, 0, 0, 0, 250));
    expect(parseDatetime("2024-01-01 00:00:00", z)).toBe(Date.UTC(2024, 0, 1));
    expect(z.zoneless).toBe(true);
    for (const bad of [
      "2024-02-30T00:00:00Z",
      "2024-01-01T24:00:00Z",
      "2024-01-01",
      "2024-01-01T00:00:00+0200",
      "0099-01-01T00:00:00Z",
    ]) {
      expect(parseDatetime(bad, z)).toBeNaN();
    }
  });

  it("RPT-DELIV-2: filenames are read leniently", () => {
    expect(parseReportFilename("google.com!example.com!1727049600!1727135999!001.json.gz")).toEqual(
      {
        sender: "google.com",
        policyDomain: "example.com",
        begin: 1727049600,
        end: 1727135999,
        uniqueId: "001",
      },
    );
    expect(parseReportFilename("report.json")).toBeNull();
  });
});
