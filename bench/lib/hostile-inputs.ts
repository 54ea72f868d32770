// The hostile inputs of issue 11, as bench:hostile sends them to POST /api/reports/tlsrpt.
import { gzipSync } from "node:zlib";

export interface HostileInput {
  name: string;
  contentType: string;
  body: Buffer;
}

const MIB = 1024 * 1024;

/** The 174-byte body of issue 11: a duplicate key, then a scalar nested 65 deep. */
export const ISSUE_BODY = `{"report-id":"a","report-id":"b","policies":${"[".repeat(64)}0${"]".repeat(64)}}`;

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
