// Builds RFC 8460 report JSON (spec §10) for generated data: the demo and the tests feed
// it to ingestBytes, so every number goes through the real pipeline.

export interface GenFailure {
  resultType: string;
  count: number;
  sendingMtaIp?: string;
  receivingMxHostname?: string;
  receivingMxHelo?: string;
  receivingIp?: string;
  reasonCode?: string;
  additionalInformation?: string;
}

export interface GenPolicy {
  policyType: "sts" | "tlsa" | "no-policy-found";
  policyDomain: string;
  policyStrings?: string[];
  mxHost?: string[];
  successful: number;
  failures: GenFailure[];
  /** Defaults to the sum of the failure counts. */
  failed?: number;
}

export interface GenReport {
  organization: string;
  /** The reporter's contact address: its domain becomes the reporter key (RPT-ING-4). */
  contactInfo: string;
  reportId: string;
  /** The UTC day covered. */
  day: string;
  policies: GenPolicy[];
}

export function reportJson(r: GenReport): string {
  const next = new Date(Date.parse(`${r.day}T00:00:00Z`) + 86_400_000).toISOString();
  return JSON.stringify({
    "organization-name": r.organization,
    "date-range": {
      "start-datetime": `${r.day}T00:00:00Z`,
      "end-datetime": next.replace(".000Z", "Z"),
    },
    "contact-info": r.contactInfo,
    "report-id": r.reportId,
    policies: r.policies.map((p) => ({
      policy: {
        "policy-type": p.policyType,
        ...(p.policyStrings ? { "policy-string": p.policyStrings } : {}),
        "policy-domain": p.policyDomain,
        ...(p.mxHost ? { "mx-host": p.mxHost } : {}),
      },
      summary: {
        "total-successful-session-count": p.successful,
        "total-failure-session-count": p.failed ?? p.failures.reduce((s, f) => s + f.count, 0),
      },
      ...(p.failures.length > 0
        ? {
            "failure-details": p.failures.map((f) => ({
              "result-type": f.resultType,
              ...(f.sendingMtaIp ? { "sending-mta-ip": f.sendingMtaIp } : {}),
              ...(f.receivingMxHostname ? { "receiving-mx-hostname": f.receivingMxHostname } : {}),
              ...(f.receivingMxHelo ? { "receiving-mx-helo": f.receivingMxHelo } : {}),
              ...(f.receivingIp ? { "receiving-ip": f.receivingIp } : {}),
              "failed-session-count": f.count,
              ...(f.reasonCode ? { "failure-reason-code": f.reasonCode } : {}),
              ...(f.additionalInformation
                ? { "additional-information": f.additionalInformation }
                : {}),
            })),
          }
        : {}),
    })),
  });
}
