// WATCH-CERT (CHK-MX-6, CHK-HOST-3 over time): an MX or policy-host certificate expires within
// the configured days. Under enforce an expired MX certificate bounces mail; an expired
// policy-host certificate stops senders from fetching or refreshing the policy.
import type { SeenCert } from "../checker/types";
import { daysUntil } from "./dates";
import type { Detection, Finding, WatchInput } from "./types";

const KIND = "WATCH-CERT" as const;

function finding(cert: SeenCert, days: number, all: SeenCert[]): Finding {
  const mx = cert.role === "mx";
  const what = mx ? `MX host ${cert.host}` : `policy host ${cert.host}`;
  const addresses = all.map((c) => c.address).join(", ");
  return {
    kind: KIND,
    subject: cert.host,
    severity: days < 0 ? "error" : "warning",
    title:
      days < 0
        ? `The certificate of ${cert.host} has expired`
        : `The certificate of ${cert.host} expires in ${days} days`,
    detail: `${what} (${addresses}): subject ${cert.subject}; expires ${cert.validTo}; SHA-256 ${cert.fingerprint256}.`,
    fix: mx
      ? `Renew the certificate on ${cert.host} and check that automatic renewal works: under enforce, senders refuse to deliver to an MX whose certificate has expired.`
      : `Renew the certificate of ${cert.host} and check that automatic renewal works: senders cannot fetch or refresh the policy over an expired certificate.`,
    i18n: {
      namespace: "findings",
      title:
        days < 0
          ? { key: `${KIND}.titleExpired`, params: { host: cert.host } }
          : { key: `${KIND}.titleExpires`, params: { host: cert.host, days } },
      detail: {
        key: `${KIND}.detail`,
        params: {
          role: cert.role,
          host: cert.host,
          addresses,
          subject: cert.subject,
          validTo: cert.validTo,
          fingerprint: cert.fingerprint256,
        },
      },
      fix: { key: `${KIND}.${mx ? "fixMx" : "fixPolicyHost"}`, params: { host: cert.host } },
    },
  };
}

export function detectCertExpiry(input: WatchInput): Detection {
  const latest = input.runs[0];
  if (!latest) return { kind: KIND, evaluated: false, findings: [], keep: [] };
  const byHost = new Map<string, SeenCert[]>();
  for (const c of latest.facts.certs) byHost.set(c.host, [...(byHost.get(c.host) ?? []), c]);
  const findings: Finding[] = [];
  // MX hosts first, then the policy host, each by name: the probes finish in any order.
  const hosts = [...byHost].sort(
    ([a, x], [b, y]) => (x[0]?.role ?? "").localeCompare(y[0]?.role ?? "") || a.localeCompare(b),
  );
  for (const [, certs] of hosts) {
    const soonest = [...certs].sort((a, b) => a.validTo.localeCompare(b.validTo))[0];
    if (!soonest) continue;
    const days = daysUntil(new Date(soonest.validTo), input.now);
    if (days < input.thresholds.certDays) findings.push(finding(soonest, days, certs));
  }
  // Hosts probed without a certificate this time (unreachable, deadline): unknown, not fixed.
  const f = latest.facts;
  const keep = [
    ...(f.mx.status === "ok" ? f.mx.hosts : []),
    ...(f.policy.status === "served" ? [] : [`mta-sts.${input.domain}`]),
  ].filter((h) => !byHost.has(h));
  return { kind: KIND, evaluated: true, findings, keep };
}
