// The hostile inputs of issue 11: what bench:hostile sends to POST /api/reports/tlsrpt and
// what the hostile-input table (lib/db/hostile) sends to every public endpoint.
import { gzipSync } from "node:zlib";
import { ISSUE_11_BODY } from "../tlsrpt/inline-reports.test-utils";

export interface HostileInput {
  name: string;
  contentType: string;
  body: Buffer;
}

const MIB = 1024 * 1024;

/** The 174-byte body of issue 11: a duplicate key, then a scalar nested 65 deep. */
export const ISSUE_BODY = ISSUE_11_BODY;

/** An e-mail carrying `n` small gzip attachments (none of them a report). */
function manyAttachments(n: number): Buffer {
  const part = gzipSync(Buffer.from('{"organization-name":"x"}')).toString("base64");
  const lines = [
    "From: reporter@sender.example",
    "To: tlsrpt@bench.example",
    "Subject: Report Domain: bench.example",
    "Message-ID: <hostile@sender.example>",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type="tlsrpt"; boundary="b"',
    "",
  ];
  for (let i = 0; i < n; i++) {
    lines.push(
      "--b",
      "Content-Type: application/tlsrpt+gzip",
      "Content-Transfer-Encoding: base64",
      `Content-Disposition: attachment; filename="r${i}.json.gz"`,
      "",
      part,
    );
  }
  lines.push("--b--", "");
  return Buffer.from(lines.join("\r\n"));
}

export function hostileInputs(): HostileInput[] {
  const json = "application/tlsrpt+json";
  const gzip = "application/tlsrpt+gzip";
  const tinyArray = Buffer.alloc(10 * MIB - 64, "0,");
  return [
    { name: "issue-174-bytes", contentType: json, body: Buffer.from(ISSUE_BODY) },
    {
      name: "nesting-10000",
      contentType: json,
      body: Buffer.from(`{"policies":${"[".repeat(10_000)}${"]".repeat(10_000)}}`),
    },
    {
      name: "gzip-bomb-256MiB",
      contentType: gzip,
      body: gzipSync(Buffer.alloc(256 * MIB), { level: 9 }),
    },
    {
      name: "gzip-members-50000",
      contentType: gzip,
      body: Buffer.concat(Array.from({ length: 50_000 }, () => gzipSync(Buffer.from(" ")))),
    },
    {
      name: "array-10MiB",
      contentType: json,
      body: Buffer.concat([
        Buffer.from('{"policies":['),
        tinyArray.subarray(0, tinyArray.length - 1),
        Buffer.from("]}"),
      ]),
    },
    { name: "email-2000-attachments", contentType: "message/rfc822", body: manyAttachments(2000) },
    { name: "oversized-11MiB", contentType: json, body: Buffer.alloc(11 * MIB, " ") },
  ];
}

/** An e-mail whose one attachment is a gzip bomb (64 MiB of zeros, about 64 KiB packed). */
function bombAttachment(): Buffer {
  const bomb = gzipSync(Buffer.alloc(64 * MIB), { level: 9 }).toString("base64");
  return Buffer.from(
    [
      "From: reporter@sender.example",
      "To: tlsrpt@bench.example",
      "Subject: Report Domain: bench.example",
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type="tlsrpt"; boundary="b"',
      "",
      "--b",
      "Content-Type: application/tlsrpt+gzip",
      "Content-Transfer-Encoding: base64",
      'Content-Disposition: attachment; filename="bomb.json.gz"',
      "",
      bomb,
      "--b--",
      "",
    ].join("\r\n"),
  );
}

/** A report object whose every object repeats each member name (last value wins). */
function duplicateKeysEverywhere(): Buffer {
  const member = (k: string, v: string) => `${JSON.stringify(k)}:${v},${JSON.stringify(k)}:${v}`;
  const policy = `{${member("policy-type", '"sts"')},${member("policy-domain", '"x.example"')}}`;
  const summary = `{${member("total-successful-session-count", "1")},${member("total-failure-session-count", "0")}}`;
  const body = `{${member("organization-name", '"x"')},"date-range":{${member("start-datetime", '"2026-11-01T00:00:00Z"')},${member("end-datetime", '"2026-11-01T23:59:59Z"')}},${member("report-id", '"dup"')},"policies":[{"policy":${policy},"summary":${summary}}],"policies":[${"[".repeat(70)}${"]".repeat(70)}]}`;
  return Buffer.from(body);
}

/** Inputs the table adds to hostileInputs(): a bomb inside an e-mail, duplicate keys at every level. */
export function moreHostileInputs(): HostileInput[] {
  return [
    { name: "email-60-attachments", contentType: "message/rfc822", body: manyAttachments(60) },
    { name: "email-gzip-bomb", contentType: "message/rfc822", body: bombAttachment() },
    {
      name: "duplicate-keys-deep",
      contentType: "application/tlsrpt+json",
      body: duplicateKeysEverywhere(),
    },
  ];
}
