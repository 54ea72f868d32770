import { describe, expect, it } from "vitest";
import type { SeenCert } from "../checker/types";
import { detectCertExpiry } from "./cert-expiry";
import { checkedRefs, facts, input, run } from "./watch.test-utils";

const cert = (
  role: SeenCert["role"],
  host: string,
  address: string,
  validTo: string,
): SeenCert => ({
  role,
  host,
  address,
  subject: `CN=${host}`,
  validTo,
  fingerprint256: "AA:BB",
});

describe("WATCH-CERT: a certificate expiring within the configured days", () => {
  it("finds the MX certificate expiring in 5 days (the soonest address) and leaves a 90-day one alone", () => {
    const f = facts({
      mx: { status: "ok", hosts: ["mx1.example.com", "mx2.example.com"] },
      certs: [
        cert("mx", "mx1.example.com", "192.0.2.1", "2026-12-05T13:00:00.000Z"),
        cert("mx", "mx1.example.com", "2001:db8::1", "2027-02-28T12:00:00.000Z"),
        cert("mx", "mx2.example.com", "192.0.2.2", "2027-02-28T12:00:00.000Z"),
        cert("policy", "mta-sts.example.com", "192.0.2.9", "2027-02-28T12:00:00.000Z"),
      ],
    });
    expect(
      checkedRefs(detectCertExpiry(input({ runs: [run("2026-11-30T11:00:00Z", f)] }))),
    ).toEqual({
      kind: "WATCH-CERT",
      evaluated: true,
      keep: [],
      findings: [
        {
          kind: "WATCH-CERT",
          subject: "mx1.example.com",
          severity: "warning",
          title: "The certificate of mx1.example.com expires in 5 days",
          detail:
            "MX host mx1.example.com (192.0.2.1, 2001:db8::1): subject CN=mx1.example.com; expires 2026-12-05T13:00:00.000Z; SHA-256 AA:BB.",
          fix: "Renew the certificate on mx1.example.com and check that automatic renewal works: under enforce, senders refuse to deliver to an MX whose certificate has expired.",
        },
      ],
    });
  });

  it("finds an expired policy-host certificate as an error, and keeps unreached hosts", () => {
    const f = facts({
      mx: { status: "ok", hosts: ["mx1.example.com"] },
      certs: [cert("policy", "mta-sts.example.com", "192.0.2.9", "2026-11-28T12:00:00.000Z")],
    });
    const d = checkedRefs(detectCertExpiry(input({ runs: [run("2026-11-30T11:00:00Z", f)] })));
    expect(d.findings.map((x) => [x.subject, x.severity, x.title, x.fix])).toEqual([
      [
        "mta-sts.example.com",
        "error",
        "The certificate of mta-sts.example.com has expired",
        "Renew the certificate of mta-sts.example.com and check that automatic renewal works: senders cannot fetch or refresh the policy over an expired certificate.",
      ],
    ]);
    expect(d.keep).toEqual(["mx1.example.com"]);
  });

  it("uses the configured number of days", () => {
    const f = facts({
      certs: [cert("mx", "mx1.example.com", "192.0.2.1", "2026-12-20T13:00:00.000Z")],
    });
    const base = input({ runs: [run("2026-11-30T11:00:00Z", f)] });
    expect(checkedRefs(detectCertExpiry(base)).findings).toEqual([]);
    const wide = { ...base, thresholds: { ...base.thresholds, certDays: 30 } };
    expect(checkedRefs(detectCertExpiry(wide)).findings.map((x) => x.title)).toEqual([
      "The certificate of mx1.example.com expires in 20 days",
    ]);
  });
});
