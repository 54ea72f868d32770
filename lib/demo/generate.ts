import { addDays } from "@/lib/stats/date-range";
import type { GenFailure, GenReport } from "./report-json";

// 60 days of realistic reports for the demo domain (issue 7, item 5):
// - four reporters of very different size: Google and Microsoft (no policy-string, as they
//   really send), a Mail.ru-like provider and a small sender that echo the policy;
// - a flaky backup MX (mx2) whose certificate expires near the end: a few STARTTLS
//   timeouts throughout, then certificate-expired failures that grow every day;
// - an sts-policy-fetch-error episode (the policy host's web server down) fixed midway.

export const DEMO_DOMAIN = "demo.example";
export const DEMO_MX = ["mx1.demo.example", "mx2.demo.example"];
export const DEMO_DAYS = 60;

export interface DemoPlan {
  domain: string;
  mx: string[];
  /** Policy lines a reporter echoes in policy-string (RPT-JSON-5). */
  policyLines: string[];
  /** The last day covered (reports arrive the next day). */
  endDay: string;
  days: number;
  /** Days since the start on which the certificate of mx2 is expired. */
  certExpiresOnDay: number;
  fetchEpisode: { from: number; to: number };
}

export function demoPlan(endDay: string, days = DEMO_DAYS, maxAge = 86400): DemoPlan {
  return {
    domain: DEMO_DOMAIN,
    mx: DEMO_MX,
    policyLines: [
      "version: STSv1",
      "mode: testing",
      ...DEMO_MX.map((m) => `mx: ${m}`),
      `max_age: ${maxAge}`,
    ],
    endDay,
    days,
    certExpiresOnDay: days - 9,
    fetchEpisode: { from: Math.floor(days / 3), to: Math.floor(days / 3) + 7 },
  };
}

interface Reporter {
  organization: string;
  contactInfo: string;
  idPrefix: string;
  volume: number;
  echoesPolicy: boolean;
  /** Microsoft leaves out the sending IP and MX for fetch errors (RPT-QUIRK-4). */
  sparseFetchErrors: boolean;
  senderIps: string[];
  /** Reports on one day in this many (small senders skip days). */
  every: number;
}

export const DEMO_REPORTERS: readonly Reporter[] = [
  {
    organization: "Google LLC",
    contactInfo: "smtp-tls-reporting@google.com",
    idPrefix: "google",
    volume: 1400,
    echoesPolicy: false,
    sparseFetchErrors: false,
    senderIps: ["209.85.220.41", "209.85.220.69", "2607:f8b0:4864:20::c33"],
    every: 1,
  },
  {
    organization: "Microsoft Corporation",
    contactInfo: "tlsrpt-noreply@microsoft.com",
    idPrefix: "msft",
    volume: 900,
    echoesPolicy: false,
    sparseFetchErrors: true,
    senderIps: ["40.107.22.101", "52.100.171.2"],
    every: 1,
  },
  {
    organization: "Mail.Ru-like Mail",
    contactInfo: "tlsrpt@mailru-like.example",
    idPrefix: "mr",
    volume: 260,
    echoesPolicy: true,
    sparseFetchErrors: false,
    senderIps: ["94.100.180.31"],
    every: 1,
  },
  {
    organization: "Small Sender Ltd",
    contactInfo: "postmaster@small-sender.example",
    idPrefix: "small",
    volume: 14,
    echoesPolicy: true,
    sparseFetchErrors: false,
    senderIps: ["198.51.100.25"],
    every: 2,
  },
];

/** Deterministic PRNG (mulberry32), so the demo is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MX_IPS: Record<string, string> = {
  "mx1.demo.example": "192.0.2.10",
  "mx2.demo.example": "192.0.2.20",
};

export function generateDemoReports(plan: DemoPlan): GenReport[] {
  const random = rng(20260101);
  const reports: GenReport[] = [];
  for (let i = 0; i < plan.days; i++) {
    const day = addDays(plan.endDay, -(plan.days - 1 - i));
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.55 : 1;
    DEMO_REPORTERS.forEach((rep, r) => {
      if (i % rep.every !== 0) return;
      const total = Math.round(rep.volume * weekend * (0.85 + random() * 0.3));
      const ip = rep.senderIps[Math.floor(random() * rep.senderIps.length)] ?? "198.51.100.1";
      const failures: GenFailure[] = [];
      const mx2 = "mx2.demo.example";
      const onMx2 = (f: Omit<GenFailure, "receivingMxHostname" | "receivingIp">): GenFailure => ({
        ...f,
        sendingMtaIp: ip,
        receivingMxHostname: mx2,
        receivingMxHelo: mx2,
        receivingIp: MX_IPS[mx2],
      });
      // The backup MX drops STARTTLS now and then (big senders hit it more often).
      if (rep.volume > 200 && random() < 0.18)
        failures.push(
          onMx2({
            resultType: "starttls-not-supported",
            count: 1 + Math.floor(random() * 3),
            reasonCode: "STARTTLS timed out after 30s",
          }),
        );
      // Its certificate expires: failures grow every day after that.
      if (i >= plan.certExpiresOnDay && rep.volume > 100) {
        const grow = (i - plan.certExpiresOnDay + 1) * (r === 0 ? 4 : r === 1 ? 3 : 1);
        failures.push(
          onMx2({
            resultType: "certificate-expired",
            count: grow,
            reasonCode: "X509_V_ERR_CERT_HAS_EXPIRED",
            additionalInformation: "https://reports.example/cert-expired?mx=mx2.demo.example",
          }),
        );
      }
      // The policy host was down for a week: senders could not fetch the policy.
      if (i >= plan.fetchEpisode.from && i < plan.fetchEpisode.to && rep.volume > 100) {
        failures.push({
          resultType: "sts-policy-fetch-error",
          count: Math.max(1, Math.round(total * 0.02)),
          reasonCode: "HTTP 503 from https://mta-sts.demo.example/.well-known/mta-sts.txt",
          ...(rep.sparseFetchErrors
            ? {}
            : {
                sendingMtaIp: ip,
                receivingMxHostname: "mx1.demo.example",
                receivingIp: MX_IPS["mx1.demo.example"],
              }),
        });
      }
      const failed = failures.reduce((s, f) => s + f.count, 0);
      reports.push({
        organization: rep.organization,
        contactInfo: rep.contactInfo,
        reportId: `${rep.idPrefix}-${plan.domain}-${day}`,
        day,
        policies: [
          {
            policyType: "sts",
            policyDomain: plan.domain,
            ...(rep.echoesPolicy ? { policyStrings: plan.policyLines } : {}),
            mxHost: plan.mx,
            successful: Math.max(0, total - failed),
            failures,
          },
        ],
      });
    });
  }
  return reports;
}

/** 14 clean days from Google and the Mail.ru-like reporter (the e2e "fix"), echoing `lines`. */
export function cleanReports(
  domain: string,
  lines: string[],
  endDay: string,
  days = 14,
): GenReport[] {
  const out: GenReport[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(endDay, -(days - 1 - i));
    // Issue 15: every demo reporter keeps reporting on its own schedule; one that went
    // quiet would be flagged, and its silence never counts as a clean week.
    for (const rep of DEMO_REPORTERS) {
      if (i % rep.every !== 0) continue;
      out.push({
        organization: rep.organization,
        contactInfo: rep.contactInfo,
        reportId: `${rep.idPrefix}-clean-${domain}-${day}`,
        day,
        policies: [
          {
            policyType: "sts",
            policyDomain: domain,
            ...(rep.echoesPolicy ? { policyStrings: lines } : {}),
            successful: rep.volume,
            failures: [],
          },
        ],
      });
    }
  }
  return out;
}
