// RPT-DELIV-7 + READY-4: forged "Google" reports prove nothing until they are authenticated
// (an aligned DKIM pass d=google.com) or an admin accepts the reporter; every READY-4
// evidence line says which reports were authenticated; READY-3 and READY-5 end with one
// line for the reports they judged.
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/stats/date-range";
import { evaluateReadiness } from "./evaluate";
import { dkimPass, unauthenticated } from "./auth.test-utils";
import type { EntryAuth, ReadinessInput, ReportEntry } from "./types";

const NOW = new Date("2026-11-20T09:00:00Z");
const LAST = "2026-11-19";
const MX = ["mx1.auth.example"];
const TESTING = ["version: STSv1", "mode: testing", "mx: mx1.auth.example", "max_age: 86400"];
const SAVED = new Date("2026-10-25T00:00:00Z");

const entry = (day: string, key: string, org: string, auth: EntryAuth): ReportEntry => ({
  day,
  reporterKey: key,
  organization: org,
  policyType: "sts",
  policyStrings: TESTING,
  successful: 1000,
  failed: 0,
  auth,
});

/** 14 days of "Google" reports made by `google`, plus an HTTPS small sender. */
function input(google: (i: number) => EntryAuth): ReadinessInput {
  const entries: ReportEntry[] = [];
  for (let i = 0; i < 14; i++) {
    const day = addDays(LAST, -i);
    entries.push(entry(day, "google.com", "Google LLC", google(i)));
    entries.push(entry(day, "small.example", "Small Sender", unauthenticated()));
  }
  return {
    now: NOW,
    policy: { policyId: "p1", mode: "testing", maxAge: 86400, mx: MX, createdAt: SAVED },
    history: [{ mode: "testing", createdAt: SAVED }],
    check: null,
    checkMaxAgeHours: 24,
    entries,
    failures: [],
  };
}

const reportersSawPolicy = (i: ReadinessInput) =>
  evaluateReadiness(i).criteria.find((c) => c.id === "READY-4");

describe("READY-4 counts only authenticated large reporters (RPT-DELIV-7)", () => {
  it("forged unauthenticated 'Google' reports over HTTPS do not make a large reporter", () => {
    const c = reportersSawPolicy(input(() => unauthenticated("https")));
    expect(c?.status).toBe("not-met");
    expect(c?.summary).toBe(
      "no DKIM-verified report from Google or Microsoft (unauthenticated ones count once an admin accepts the reporter) (2026-11-06 to 2026-11-19).",
    );
    expect(c?.evidence).toEqual([
      "Google LLC (google.com): sts entries on 14 days; policy-string shows the current policy (id p1); 0 of 14 reports DKIM-verified; 14 unauthenticated HTTPS.",
      "Small Sender (small.example): sts entries on 14 days; policy-string shows the current policy (id p1); 0 of 14 reports DKIM-verified; 14 unauthenticated HTTPS.",
    ]);
  });

  it("after an admin accepts the reporter, the same reports count", () => {
    const c = reportersSawPolicy(input(() => unauthenticated("https", true)));
    expect(c?.status).toBe("met");
    expect(c?.summary).toBe(
      "2 reporters, 1 large, from 2026-11-06 to 2026-11-19; the current policy is seen.",
    );
    expect(c?.evidence[0]).toBe(
      "Google LLC (google.com): sts entries on 14 days; policy-string shows the current policy (id p1); 0 of 14 reports DKIM-verified; 14 unauthenticated HTTPS, reporter accepted.",
    );
  });

  it("DKIM-verified mail from google.com counts, and the line says how many were verified", () => {
    const c = reportersSawPolicy(
      input((i) => (i < 12 ? dkimPass("google.com") : unauthenticated("https"))),
    );
    expect(c?.status).toBe("met");
    expect(c?.evidence[0]).toBe(
      "Google LLC (google.com): sts entries on 14 days; policy-string shows the current policy (id p1); 12 of 14 reports DKIM-verified (google.com); 2 unauthenticated HTTPS.",
    );
  });

  it("a verified signature of another domain does not make 'Google' large, and quarantined mail is named", () => {
    const i = input(() => dkimPass("mail.attacker.example"));
    i.quarantined = [{ reporterKey: "google.com", reports: 3 }];
    const c = reportersSawPolicy(i);
    expect(c?.status).toBe("not-met");
    expect(c?.evidence).toContain(
      "Not counted: 3 mail reports in quarantine without an aligned DKIM pass, from google.com (3); an admin can accept the reporter.",
    );
  });
});

describe("READY-3 and READY-5 say which reports they judged were authenticated (RPT-DELIV-7)", () => {
  it("one line each: verified mail by signing domain, then unauthenticated HTTPS", () => {
    const r = evaluateReadiness(
      input((i) => (i < 12 ? dkimPass("google.com") : unauthenticated("https"))),
    );
    const last = (id: string) => r.criteria.find((c) => c.id === id)?.evidence.at(-1);
    expect(last("READY-3")).toBe(
      "Reports judged: 12 of 28 reports DKIM-verified (google.com); 16 unauthenticated HTTPS.",
    );
    // The last week: all seven Google days were signed, the small sender posted over HTTPS.
    expect(last("READY-5")).toBe(
      "Reports judged: 7 of 14 reports DKIM-verified (google.com); 7 unauthenticated HTTPS.",
    );
  });
});
