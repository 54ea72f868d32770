// Email delivery (RPT-DELIV-4/5, RPT-QUIRK-10): picking report parts out of a message.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readAny } from "./read-any";
import { readReportEmail } from "./read-email";
import { bytesOf, googleReport } from "./inline-reports.test-utils";

function message(
  headers: string[],
  parts: { type: string; name?: string; body: Buffer }[],
): Buffer {
  const lines = [
    ...headers,
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b"',
    "",
  ];
  for (const p of parts) {
    lines.push("--b", `Content-Type: ${p.type}`);
    if (p.name) lines.push(`Content-Disposition: attachment; filename="${p.name}"`);
    lines.push("Content-Transfer-Encoding: base64", "", p.body.toString("base64"));
  }
  lines.push("--b--", "");
  return Buffer.from(lines.join("\r\n"));
}
const HEADERS = [
  "From: r@google.com",
  "TLS-Report-Domain: example.com",
  "TLS-Report-Submitter: google.com",
];

describe("readReportEmail", () => {
  it("reads several report attachments, JSON and gzip, and returns the headers", async () => {
    const second = googleReport();
    second["report-id"] = "second";
    const r = await readAny(
      message(
        [...HEADERS, "Message-ID: <m1@google.com>"],
        [
          { type: "application/tlsrpt+json", name: "a.json", body: bytesOf(googleReport()) },
          { type: "application/gzip", name: "b.json.gz", body: gzipSync(bytesOf(second)) },
        ],
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.reports.map((x) => x.reportId)).toEqual([
      "2025-04-12T00:00:00Z_example.com",
      "second",
    ]);
    expect(r.value.email).toEqual({
      messageId: "<m1@google.com>",
      reportDomain: "example.com",
      reportSubmitter: "google.com",
      subject: null,
    });
  });

  it("RPT-DELIV-5: missing TLS-Report-* headers are a warning, not a refusal", async () => {
    const r = await readReportEmail(
      message(
        ["From: r@google.com"],
        [{ type: "application/tlsrpt+gzip", body: gzipSync(bytesOf(googleReport())) }],
      ),
    );
    expect(r.ok && r.value.reports[0]?.warnings).toMatchObject([
      {
        id: "RPT-DELIV-5",
        severity: "warning",
        message: "the message has no TLS-Report-Domain or TLS-Report-Submitter header",
      },
    ]);
  });

  it("leaves a DMARC gzip attachment alone: the message holds no TLS report", async () => {
    const dmarc = gzipSync(Buffer.from('<?xml version="1.0"?><feedback></feedback>'));
    const r = await readReportEmail(
      message(HEADERS, [
        { type: "application/gzip", name: "google.com!example.com!1!2.xml.gz", body: dmarc },
      ]),
    );
    expect(r.ok ? "ok" : r.error.code).toBe("no-report");
  });

  it("a labelled report attachment that is broken is refused, naming the attachment", async () => {
    const r = await readReportEmail(
      message(HEADERS, [
        {
          type: "application/tlsrpt+gzip",
          name: "r.json.gz",
          body: Buffer.from([0x1f, 0x8b, 1, 2, 3]),
        },
      ]),
    );
    expect(r.ok ? null : [r.error.code, r.error.attachment]).toEqual(["not-gzip", "r.json.gz"]);
  });
});
