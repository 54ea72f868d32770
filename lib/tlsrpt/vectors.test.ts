// Spec §16.5 TV-JSON-1..14, each with a fixture built here.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compareDuplicate, computeContentHash } from "./content-hash";
import { domainSessionTotals } from "./domain-totals";
import { readReportEmail } from "./read-email";
import { readReport } from "./read-report";
import { readStsLines } from "./sts-lines";
import { bytesOf, googleReport, gzipOf, type Json } from "./inline-reports.test-utils";
import type { NormalizedReport, ReadHints } from "./types";

function read(v: unknown, hints?: ReadHints): NormalizedReport {
  const r = readReport(typeof v === "string" ? Buffer.from(v) : bytesOf(v), hints);
  if (!r.ok) throw new Error(`refused: ${r.error.message}`);
  expect(r.value.reports).toHaveLength(1);
  return r.value.reports[0] as NormalizedReport;
}
const ids = (r: NormalizedReport) => r.warnings.map((w) => w.id);

// RFC 8460 Appendix B, as printed (RPT-QUIRK-12).
const RFC_EXAMPLE = `{
  "organization-name": "Company-X",
  "date-range": { "start-datetime": "2016-04-01T00:00:00Z", "end-datetime": "2016-04-01T23:59:59Z" },
  "contact-info": "sts-reporting@company-x.example",
  "report-id": "5065427c-23d3-47ca-b6e0-946ea0e8c4be",
  "policies": [{
    "policy": { "policy-type": "sts",
      "policy-string": ["version: STSv1","mode: testing", "mx: *.mail.company-y.example","max_age: 86400"],
      "policy-domain": "company-y.example", "mx-host": "*.mail.company-y.example" },
    "summary": { "total-successful-session-count": 5326, "total-failure-session-count": 303 },
    "failure-details": [{ "result-type": "certificate-expired", "sending-mta-ip": "2001:db8:abcd:0012::1",
      "receiving-mx-hostname": "mx1.mail.company-y.example", "failed-session-count": 100 },
    { "result-type": "starttls-not-supported", "sending-mta-ip": "2001:db8:abcd:0013::1",
      "receiving-mx-hostname": "mx2.mail.company-y.example", "receiving-ip": "203.0.113.56",
      "failed-session-count": 200,
      "additional-information": "https://reports.company-x.example/report_info ? id = 5065427 c - 23 d3# StarttlsNotSupported " },
    { "result-type": "validation-failure", "sending-mta-ip": "198.51.100.62", "receiving-ip": "203.0.113.58",
      "receiving-mx-hostname": "mx-backup.mail.company-y.example", "failed-session-count": 3,
      "failure-reason-code": "X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED" }]
  }]
}`;

function microsoft(policies: Json[]): { [k: string]: Json } {
  return {
    "organization-name": "Microsoft Corporation",
    "date-range": {
      "start-datetime": "2024-01-01T00:00:00Z",
      "end-datetime": "2024-01-01T23:59:59Z",
    },
    "contact-info": "tlsrpt-noreply@microsoft.com",
    "report-id": "133944884956529435+",
    policies,
  };
}

describe("TV-JSON vectors (spec §16.5)", () => {
  it("TV-JSON-1: the RFC 8460 Appendix B example as printed", () => {
    const r = read(RFC_EXAMPLE);
    const p = r.policies[0];
    expect(p?.mxHosts).toEqual(["*.mail.company-y.example"]);
    expect(p?.failureDetails.map((d) => d.sendingMtaIp)).toEqual([
      "2001:db8:abcd:12::1",
      "2001:db8:abcd:13::1",
      "198.51.100.62",
    ]);
    expect(p?.failureDetails[1]?.additionalInformation).toBe(
      "https://reports.company-x.example/report_info ? id = 5065427 c - 23 d3# StarttlsNotSupported ",
    );
    expect(p?.failureDetails[0]?.receivingIp).toBeNull();
    expect(ids(r)).toEqual(["RPT-QUIRK-1", "RPT-JSON-8"]);
  });

  it("TV-JSON-2: a datetime without an offset is read as UTC (RPT-QUIRK-2)", () => {
    const v = googleReport();
    v["date-range"] = {
      "start-datetime": "2024-01-01T00:00:00",
      "end-datetime": "2024-01-01T23:59:59",
    };
    const r = read(v);
    expect(r.startDatetime.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(r.endDatetime.toISOString()).toBe("2024-01-01T23:59:59.000Z");
    expect(r.reportDay).toBe("2024-01-01");
    expect(ids(r)).toEqual(["RPT-QUIRK-2"]);
  });

  it("TV-JSON-3: sts + tlsa for one domain; TLSA JSON-in-a-string unwrapped; no double count (RPT-JSON-7)", () => {
    const summary = { "total-successful-session-count": 2, "total-failure-session-count": 0 };
    const r = read(
      microsoft([
        {
          policy: {
            "policy-type": "sts",
            "policy-string": [
              "version: STSv1",
              "mode: enforce",
              "mx: *.example.com",
              "max_age: 86400",
            ],
            "policy-domain": "example.com",
          },
          summary,
        },
        {
          policy: {
            "policy-type": "tlsa",
            "policy-string": ['["3 1 1 AA00","3 1 1 BB11"]'],
            "policy-domain": "example.com",
          },
          summary,
        },
      ]),
    );
    expect(r.policies.map((p) => p.policyType)).toEqual(["sts", "tlsa"]);
    expect(r.policies[1]?.policyStrings).toEqual(["3 1 1 AA00", "3 1 1 BB11"]);
    expect(readStsLines(r.policies[0]?.policyStrings ?? [])).toEqual({
      mode: "enforce",
      maxAge: 86400,
      mx: ["*.example.com"],
    });
    const totals = domainSessionTotals(r);
    expect(totals).toHaveLength(1);
    expect(totals[0]?.sessions).toEqual({ successful: 2, failed: 0 });
    expect(ids(r)).toEqual(["RPT-QUIRK-5"]);
  });

  it("TV-JSON-4: Microsoft sts-policy-fetch-error with only type, domain, result-type and count", () => {
    const r = read(
      microsoft([
        {
          policy: { "policy-type": "sts", "policy-domain": "example.com" },
          summary: { "total-successful-session-count": 0, "total-failure-session-count": 3 },
          "failure-details": [
            { "result-type": "sts-policy-fetch-error", "failed-session-count": 3 },
          ],
        },
      ]),
    );
    expect(r.reportId).toBe("133944884956529435+");
    const d = r.policies[0]?.failureDetails[0];
    expect(d?.bucket).toBe("Policy host");
    expect([d?.sendingMtaIp, d?.receivingMxHostname, d?.receivingIp]).toEqual([null, null, null]);
    expect(ids(r)).toEqual(["RPT-QUIRK-4", "RPT-QUIRK-4"]);
  });

  it("TV-JSON-5: Google no-policy-found without policy-string, mx-host or failure-details", () => {
    const v = googleReport();
    v.policies = [
      {
        policy: { "policy-type": "no-policy-found", "policy-domain": "example.com" },
        summary: { "total-successful-session-count": 7, "total-failure-session-count": 0 },
      },
    ];
    const r = read(v);
    expect(r.reportId).toBe("2025-04-12T00:00:00Z_example.com");
    expect(r.policies[0]).toMatchObject({
      policyType: "no-policy-found",
      policyStrings: [],
      mxHosts: [],
      failureDetails: [],
    });
    expect(ids(r)).toEqual([]);
  });

  it("TV-JSON-6: contact-info null, next-day 00:00 end, no-policy-found without policy-domain", () => {
    const v = googleReport();
    v["contact-info"] = null;
    v["date-range"] = {
      "start-datetime": "2025-09-20T00:00:00Z",
      "end-datetime": "2025-09-21T00:00:00Z",
    };
    v.policies = [
      {
        policy: { "policy-type": "no-policy-found" },
        summary: { "total-successful-session-count": 1, "total-failure-session-count": 0 },
        "failure-details": [],
      },
    ];
    const r = read(v, { headerDomain: "Example.ORG", submitter: "sonne.floppy.org" });
    expect(r.policies[0]?.policyDomain).toBe("example.org");
    expect(r.reportDay).toBe("2025-09-20");
    expect(r.contactInfo).toBeNull();
    expect(r.submitterDomain).toBe("sonne.floppy.org");
    expect(ids(r)).toEqual(["RPT-QUIRK-3", "RPT-QUIRK-7", "RPT-QUIRK-8"]);
  });

  it("TV-JSON-7: the same report over mailto and https hashes the same (stored once)", async () => {
    const v = googleReport();
    const viaHttps = read(JSON.stringify(v, null, 2));
    const email = [
      "From: noreply-smtp-tls-reporting@google.com",
      "To: tlsrpt@example.com",
      "Subject: Report Domain: example.com Submitter: google.com Report-ID: <x@google.com>",
      "Message-ID: <tv7@google.com>",
      "TLS-Report-Domain: example.com",
      "TLS-Report-Submitter: google.com",
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type="tlsrpt"; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "This is an aggregate TLS report.",
      "--b",
      "Content-Type: application/tlsrpt+gzip",
      'Content-Disposition: attachment; filename="google.com!example.com!1744416000!1744502399!001.json.gz"',
      "Content-Transfer-Encoding: base64",
      "",
      gzipOf(v).toString("base64"),
      "--b--",
      "",
    ].join("\r\n");
    const got = await readReportEmail(Buffer.from(email));
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const viaMail = got.value.reports[0] as NormalizedReport;
    expect(got.value.email?.messageId).toBe("<tv7@google.com>");
    expect(computeContentHash(viaMail)).toBe(computeContentHash(viaHttps));
    expect(computeContentHash(viaMail)).toMatch(/^[0-9a-f]{64}$/);
    expect(compareDuplicate(computeContentHash(viaHttps), viaMail)).toEqual({
      verdict: "identical",
    });
  });

  it("TV-JSON-8: same submitter and report-id with different counts: both kept, RPT-ING-5", () => {
    const a = read(googleReport());
    const changed = googleReport();
    (((changed.policies as Json[])[0] as { [k: string]: Json }).summary as { [k: string]: Json })[
      "total-successful-session-count"
    ] = 41;
    const b = read(changed);
    expect(b.reportId).toBe(a.reportId);
    expect(computeContentHash(b)).not.toBe(computeContentHash(a));
    const verdict = compareDuplicate(computeContentHash(a), b);
    expect(verdict.verdict).toBe("conflict");
    if (verdict.verdict === "conflict") expect(verdict.warning.id).toBe("RPT-ING-5");
  });

  it("TV-JSON-9: failure rows summing past the total are accepted without a warning (RPT-JSON-6)", () => {
    const v = googleReport();
    const p = (v.policies as Json[])[0] as { [k: string]: Json };
    p.summary = { "total-successful-session-count": 0, "total-failure-session-count": 5 };
    p["failure-details"] = [
      {
        "result-type": "validation-failure",
        "sending-mta-ip": "192.0.2.1",
        "receiving-mx-hostname": "mx1.example.com",
        "failed-session-count": 4,
      },
      {
        "result-type": "certificate-expired",
        "sending-mta-ip": "192.0.2.2",
        "receiving-mx-hostname": "mx1.example.com",
        "failed-session-count": 3,
      },
    ];
    const r = read(v);
    expect(r.policies[0]?.totalFailureSessionCount).toBe(5);
    expect(r.policies[0]?.failureDetails.map((d) => d.failedSessionCount)).toEqual([4, 3]);
    expect(ids(r)).toEqual([]);
  });

  it('TV-JSON-10: an unknown result type is kept verbatim, bucket "other" (RPT-JSON-10)', () => {
    const v = googleReport();
    const d = (
      ((v.policies as Json[])[0] as { [k: string]: Json })["failure-details"] as Json[]
    )[0] as { [k: string]: Json };
    d["result-type"] = "sts-something-new";
    const r = read(v);
    expect(r.policies[0]?.failureDetails[0]).toMatchObject({
      resultType: "sts-something-new",
      bucket: "other",
    });
    expect(r.warnings).toMatchObject([
      {
        id: "RPT-JSON-10",
        severity: "info",
        message:
          'policies[0].failure-details[0].result-type: unknown result type "sts-something-new"; kept, shown as "other"',
      },
    ]);
  });

  it("TV-JSON-11: gzip attachment labelled application/octet-stream named x.json (RPT-QUIRK-10)", async () => {
    const email = [
      "From: reports@example.net",
      "Message-ID: <tv11@example.net>",
      "TLS-Report-Domain: example.com",
      "TLS-Report-Submitter: google.com",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: application/octet-stream",
      'Content-Disposition: attachment; filename="x.json"',
      "Content-Transfer-Encoding: base64",
      "",
      gzipOf(googleReport()).toString("base64"),
      "--b--",
      "",
    ].join("\r\n");
    const got = await readReportEmail(Buffer.from(email));
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.value.reports.map((r) => [r.reportId, r.warnings.length])).toEqual([
      ["2025-04-12T00:00:00Z_example.com", 0],
    ]);
  });

  it("TV-JSON-12: mx-host-pattern (the RFC's label) is read as mx-host (RPT-JSON-4)", () => {
    const v = googleReport();
    const policy = ((v.policies as Json[])[0] as { [k: string]: Json }).policy as {
      [k: string]: Json;
    };
    delete policy["mx-host"];
    policy["mx-host-pattern"] = ["*.Example.com."];
    const r = read(v);
    expect(r.policies[0]?.mxHosts).toEqual(["*.example.com"]);
    expect(ids(r)).toEqual(["RPT-JSON-4"]);
  });

  it("TV-JSON-13: failed-session-count 9007199254740993 is refused (RPT-ING-3)", () => {
    const text = JSON.stringify(googleReport()).replace(
      '"failed-session-count":2',
      '"failed-session-count":9007199254740993',
    );
    const r = readReport(Buffer.from(text));
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "invalid-field",
        field: "policies[0].failure-details[0].failed-session-count",
        message:
          "policies[0].failure-details[0].failed-session-count: expected a non-negative safe integer, got 9007199254740993",
      },
    });
  });

  it("TV-JSON-14: gzip expanding past 20 MiB is stopped at the cap (RPT-ING-1)", () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const t0 = performance.now();
    const r = readReport(bomb);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.ok ? null : r.error.code).toBe("decompression-bomb");
    expect(r.ok ? null : r.error.message).toBe(
      "the gzip data expands past 20.0 MiB; stopped at the limit",
    );
  });
});
