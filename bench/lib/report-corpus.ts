// A generated corpus of realistic TLS-RPT reports (RFC 8460): Google- and Microsoft-shaped,
// 1–3 policies, ~10% with failure details, gzip-compressed like real deliveries.
import { gzipSync } from "node:zlib";

/** Small deterministic PRNG so every run measures the same corpus. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RESULT_TYPES = [
  "certificate-expired",
  "starttls-not-supported",
  "validation-failure",
  "sts-policy-fetch-error",
  "certificate-host-mismatch",
];

export function makeReportJson(i: number, rand: () => number): string {
  const day = new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
  const domain = `customer${i % 97}.example`;
  const google = rand() < 0.6;
  const withFailures = rand() < 0.1;
  const nPolicies = 1 + Math.floor(rand() * 3);
  const policies = [];
  for (let p = 0; p < nPolicies; p++) {
    const type = p === 0 ? "sts" : p === 1 ? "tlsa" : "no-policy-found";
    const policy: Record<string, unknown> = { "policy-type": type, "policy-domain": domain };
    if (type === "sts") {
      policy["policy-string"] = [
        "version: STSv1",
        "mode: enforce",
        `mx: mx1.${domain}`,
        `mx: *.mail.${domain}`,
        "max_age: 604800",
      ];
      if (google) policy["mx-host"] = [`mx1.${domain}`, `*.mail.${domain}`];
    } else if (type === "tlsa") {
      policy["policy-string"] = [
        "3 1 1 6007EEE553E85D8DF007A845D19EC343283D4E416E9A33F9EF3040C8B7C285BC",
      ];
    }
    const failed = withFailures && p === 0 ? 1 + Math.floor(rand() * 20) : 0;
    const entry: Record<string, unknown> = {
      policy,
      summary: {
        "total-successful-session-count": Math.floor(rand() * 5000),
        "total-failure-session-count": failed,
      },
    };
    if (failed > 0) {
      const rows = [];
      for (let r = 0; r < 1 + Math.floor(rand() * 4); r++) {
        rows.push({
          "result-type": RESULT_TYPES[Math.floor(rand() * RESULT_TYPES.length)],
          "sending-mta-ip":
            rand() < 0.7
              ? `209.85.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}`
              : `2a00:1450:4864:20::${Math.floor(rand() * 999)}`,
          "receiving-mx-hostname": `mx1.${domain}`,
          "receiving-ip": `203.0.113.${Math.floor(rand() * 255)}`,
          "failed-session-count": 1 + Math.floor(rand() * 5),
        });
      }
      entry["failure-details"] = rows;
    }
    policies.push(entry);
  }
  return JSON.stringify({
    "organization-name": google ? "Google Inc." : "Microsoft Corporation",
    "date-range": { "start-datetime": `${day}T00:00:00Z`, "end-datetime": `${day}T23:59:59Z` },
    "contact-info": google ? "smtp-tls-reporting@google.com" : "tlsrpt-noreply@microsoft.com",
    "report-id": google
      ? `${day}T00:00:00Z_${domain}`
      : `1339${String(i).padStart(14, "0")}+${domain}`,
    policies,
  });
}

export function makeCorpus(count: number, seed = 8460): Buffer[] {
  const rand = rng(seed);
  return Array.from({ length: count }, (_, i) => gzipSync(makeReportJson(i, rand)));
}
