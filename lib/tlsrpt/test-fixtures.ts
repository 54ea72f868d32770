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
