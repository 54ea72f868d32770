// Inline fixtures for the report tests: small, valid RFC 8460 reports to mutate.
import { gzipSync } from "node:zlib";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function googleReport(): { [k: string]: Json } {
  return {
    "organization-name": "Google Inc.",
    "date-range": {
      "start-datetime": "2025-04-12T00:00:00Z",
      "end-datetime": "2025-04-12T23:59:59Z",
    },
    "contact-info": "smtp-tls-reporting@google.com",
    "report-id": "2025-04-12T00:00:00Z_example.com",
    policies: [
      {
        policy: {
          "policy-type": "sts",
          "policy-string": [
            "version: STSv1",
            "mode: enforce",
            "mx: mx1.example.com",
            "max_age: 604800",
          ],
          "policy-domain": "example.com",
          "mx-host": ["mx1.example.com"],
        },
        summary: { "total-successful-session-count": 40, "total-failure-session-count": 2 },
        "failure-details": [
          {
            "result-type": "certificate-expired",
            "sending-mta-ip": "209.85.222.201",
            "receiving-mx-hostname": "mx1.example.com",
            "receiving-ip": "192.0.2.25",
            "failed-session-count": 2,
          },
        ],
      },
    ],
  };
}

export const bytesOf = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));
export const gzipOf = (v: unknown): Buffer => gzipSync(bytesOf(v));

export interface Part {
  type: string;
  name?: string;
  body: Buffer;
}

/** A multipart message: base64 parts, except message/rfc822 which is embedded as is. */
export function emailOf(parts: readonly Part[], boundary = "b"): Buffer {
  const lines = [
    "From: r@google.com",
    "TLS-Report-Domain: example.com",
    "TLS-Report-Submitter: google.com",
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
  ];
  for (const p of parts) {
    lines.push(`--${boundary}`, `Content-Type: ${p.type}`);
    if (p.name) lines.push(`Content-Disposition: attachment; filename="${p.name}"`);
    if (p.type === "message/rfc822") lines.push("", p.body.toString("latin1"));
    else lines.push("Content-Transfer-Encoding: base64", "", p.body.toString("base64"));
  }
  lines.push(`--${boundary}--`, "");
  return Buffer.from(lines.join("\r\n"), "latin1");
}

/** The 174-byte body of issue 11: a duplicate key, then a scalar inside 65 levels. */
export const ISSUE_11_BODY = `{"report-id":"a","report-id":"b","policies":${"[".repeat(64)}0${"]".repeat(64)}}`;

/**
 * What a call cost, in ms: the smaller of wall time and this process's CPU time. The test
 * machine is shared, so wall time alone also counts other processes' turns on the CPU; a
 * slow algorithm shows in both.
 */
export function costMs<T>(fn: () => T): { value: T; ms: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, ms: Math.min(wall, (cpu.user + cpu.system) / 1000) };
}

/** costMs for a promise. */
export async function costMsAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, ms: Math.min(wall, (cpu.user + cpu.system) / 1000) };
}

export type JsonPath = (string | number)[];

/** Every path (list of keys/indices) to a node of a JSON value, the root included. */
export function jsonPaths(v: Json, here: JsonPath = []): JsonPath[] {
  const out = [here];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...jsonPaths(x, [...here, i])));
  else if (v !== null && typeof v === "object")
    for (const [k, x] of Object.entries(v)) out.push(...jsonPaths(x, [...here, k]));
  return out;
}

/** `policies[0].summary.x`, as the reader names paths. */
export const pathText = (p: JsonPath): string =>
  p.reduce<string>(
    (s, k) => (typeof k === "number" ? `${s}[${k}]` : s === "" ? k : `${s}.${k}`),
    "",
  );
