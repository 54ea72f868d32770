import { describe, expect, it } from "vitest";
import type { CheckReport, CheckResult } from "@/lib/checker/types";
import { addDays } from "@/lib/stats/date-range";
import { evaluateReadiness } from "./evaluate";
import { dkimPass } from "./auth.test-utils";
import type { FailureEntry, ReadinessInput, ReportEntry } from "./types";

// Crafted data: a domain that is ready, then one change per reason it is not.
const NOW = new Date("2026-03-20T09:00:00Z");
const YESTERDAY = "2026-03-19";
const MX = ["mx1.ready.example", "mx2.ready.example"];
const POLICY_LINES = [
  "version: STSv1",
  "mode: testing",
  ...MX.map((m) => `mx: ${m}`),
  "max_age: 86400",
];

function check(extra: CheckResult[] = []): { finishedAt: Date; report: CheckReport } {
  const ok = (id: string, target?: string): CheckResult => ({
    id,
    severity: "ok",
    title: `${id} passes`,
    evidence: "",
    fix: "",
    ...(target ? { target } : {}),
  });
  const results = [
    ok("CHK-TXT-2"),
    ok("CHK-HOST-2"),
    ok("CHK-POL-1"),
    ok("CHK-RPT-1"),
    ok("CHK-RPT-3"),
    ...MX.flatMap((m) => ["CHK-MX-1", "CHK-MX-3", "CHK-MX-4", "CHK-MX-5"].map((id) => ok(id, m))),
  ];
  const replaced = results.filter(
    (r) => !extra.some((e) => e.id === r.id && e.target === r.target),
  );
  const all = [...replaced, ...extra];
  return {
    finishedAt: new Date("2026-03-19T12:00:00Z"),
    report: {
      domain: "ready.example",
      startedAt: "",
      finishedAt: "",
      durationMs: 1,
      mode: "testing",
      deadlineHit: false,
      results: all,
      summary: { error: 0, warning: 0, info: 0, ok: all.length, untested: 0 },
    },
  };
}

function entry(
  day: string,
  reporterKey: string,
  organization: string,
  over: Partial<ReportEntry> = {},
): ReportEntry {
  return {
    day,
    reporterKey,
    organization,
    policyType: "sts",
    policyStrings: [],
    successful: 10_000,
    failed: 0,
    auth: dkimPass(reporterKey),
    ...over,
  };
}

function fail(day: string, resultType: string, over: Partial<FailureEntry> = {}): FailureEntry {
  return {
    day,
    reporterKey: "google.com",
    organization: "Google LLC",
    policyType: "sts",
    resultType,
    mxHost: "mx2.ready.example",
    sessions: 1,
    reasonCode: null,
    ...over,
  };
}

/** 20 days of clean reports from Google and a small sender that echoes the policy. */
function readyInput(): ReadinessInput {
  const entries: ReportEntry[] = [];
  for (let i = 0; i < 20; i++) {
    const day = addDays(YESTERDAY, -i);
    entries.push(entry(day, "google.com", "Google LLC"));
    entries.push(
      entry(day, "small.example", "Small Sender", { successful: 40, policyStrings: POLICY_LINES }),
    );
  }
  return {
    now: NOW,
    policy: {
      policyId: "20260101T000000Z",
      mode: "testing",
      maxAge: 86400,
      mx: MX,
      createdAt: new Date("2026-01-01T00:00:00Z"),
    },
    history: [{ mode: "testing", createdAt: new Date("2026-01-01T00:00:00Z") }],
    check: check(),
    checkMaxAgeHours: 24,
    entries,
    failures: [],
  };
}

const status = (input: ReadinessInput, id: string) =>
  evaluateReadiness(input).criteria.find((c) => c.id === id);

describe("readiness (spec §15)", () => {
  it("is ready when every criterion is met, each with its evidence", () => {
    const r = evaluateReadiness(readyInput());
    expect(r.criteria.map((c) => [c.id, c.status])).toEqual([
      ["READY-1", "met"],
      ["READY-2", "met"],
      ["READY-3", "met"],
      ["READY-4", "met"],
      ["READY-5", "met"],
      ["READY-6", "met"],
      ["READY-7", "met"],
    ]);
    expect(r.ready).toBe(true);
    expect(r.metCount).toBe(7);
    expect(r.window).toEqual({ from: "2026-03-06", to: YESTERDAY });
    expect(r.lastWeek).toEqual({ from: "2026-03-13", to: YESTERDAY });
    expect(status(readyInput(), "READY-3")?.evidence[0]).toBe(
      "Reports on 20 consecutive days in testing mode: 2026-02-28 to 2026-03-19.",
    );
    expect(status(readyInput(), "READY-4")?.evidence).toEqual([
      "Google LLC (google.com): sts entries on 14 days; no policy-string (Google and Microsoft leave it out); 14 of 14 reports DKIM-verified (google.com).",
      "Small Sender (small.example): sts entries on 14 days; policy-string shows the current policy (id 20260101T000000Z); 14 of 14 reports DKIM-verified (small.example).",
    ]);
    expect(status(readyInput(), "READY-5")?.evidence[0]).toBe(
      "70,280 sts sessions from 2026-03-13 to 2026-03-19; 0 failed TLS (0%, limit 0.100%).",
    );
    expect(r.refusals).toEqual([]);
  });

  it("READY-1: not met on a checker error, unknown without a checker run", () => {
    const i = readyInput();
    i.check = check([
      {
        id: "CHK-POL-4",
        severity: "error",
        title: "max_age too large",
        evidence: "max_age: 99999999999",
        fix: "",
      },
    ]);
    const c = status(i, "READY-1");
    expect(c?.status).toBe("not-met");
    expect(c?.evidence).toContain("CHK-POL-4 error: max_age too large — max_age: 99999999999");
    const none = readyInput();
    none.check = null;
    expect(status(none, "READY-1")?.status).toBe("unknown");
    expect(evaluateReadiness(none).ready).toBe(false);
  });

  it("READY-2: not met when an MX fails a TLS check; unknown when one is untested", () => {
    const i = readyInput();
    i.check = check([
      {
        id: "CHK-MX-5",
        severity: "warning",
        title: "certificate expired",
        evidence: "notAfter 2026-03-01",
        fix: "",
        target: "mx2.ready.example",
      },
    ]);
    const c = status(i, "READY-2");
    expect(c?.status).toBe("not-met");
    expect(c?.summary).toBe("Failing: mx2.ready.example.");
    const u = readyInput();
    u.check = check([
      {
        id: "CHK-MX-3",
        severity: "untested",
        title: "port 25 blocked",
        evidence: "",
        fix: "",
        target: "mx1.ready.example",
      },
    ]);
    expect(status(u, "READY-2")?.status).toBe("unknown");
  });

  it("READY-3: not met with fewer than 14 days, a gap, stale reports or a bad TLS-RPT record", () => {
    const short = readyInput();
    short.entries = short.entries.filter((e) => e.day >= addDays(YESTERDAY, -9));
    expect(status(short, "READY-3")?.summary).toBe(
      "10 of 14 days so far: the run starts after no report covers 2026-03-09.",
    );

    const gap = readyInput();
    gap.entries = gap.entries.filter((e) => e.day !== "2026-03-12");
    const g = status(gap, "READY-3");
    expect(g?.status).toBe("not-met");
    expect(g?.evidence[1]).toBe("The run starts after no report covers 2026-03-12.");

    const stale = readyInput();
    stale.now = new Date("2026-03-25T09:00:00Z");
    expect(status(stale, "READY-3")?.summary).toBe(
      "No report since 2026-03-19: reports have stopped arriving.",
    );

    const enforcedBefore = readyInput();
    enforcedBefore.history = [
      { mode: "enforce", createdAt: new Date("2026-01-01T00:00:00Z") },
      { mode: "testing", createdAt: new Date("2026-03-10T08:00:00Z") },
    ];
    // Google gives no policy-string: its days are judged from the history. The small
    // sender's policy-string says testing, so those days count: the run goes on.
    expect(status(enforcedBefore, "READY-3")?.summary).toBe("20 consecutive days of reports.");
    enforcedBefore.entries = enforcedBefore.entries.filter((e) => e.reporterKey === "google.com");
    expect(status(enforcedBefore, "READY-3")?.summary).toBe(
      "10 of 14 days so far: the run starts after 2026-03-09 was in mode enforce.",
    );

    const rpt = readyInput();
    rpt.check = check([
      { id: "CHK-RPT-3", severity: "error", title: "no rua", evidence: "v=TLSRPTv1;", fix: "" },
    ]);
    expect(status(rpt, "READY-3")?.summary).toBe("The TLS-RPT record has problems.");

    const none = readyInput();
    none.entries = [];
    expect(status(none, "READY-3")?.summary).toBe(
      "No reports yet: is _smtp._tls published? Reports arrive once a day.",
    );
  });

  it("READY-4: not met with one reporter, no large reporter, or the policy never seen", () => {
    const one = readyInput();
    one.entries = one.entries.filter((e) => e.reporterKey === "small.example");
    expect(status(one, "READY-4")?.summary).toBe(
      "1 reporter (need 2); no report from Google or Microsoft (2026-03-06 to 2026-03-19).",
    );

    const noLarge = readyInput();
    noLarge.entries = noLarge.entries.map((e) =>
      e.reporterKey === "google.com"
        ? { ...e, reporterKey: "mail.ru", organization: "Mail.Ru", auth: dkimPass("mail.ru") }
        : e,
    );
    expect(status(noLarge, "READY-4")?.summary).toBe(
      "no report from Google or Microsoft (2026-03-06 to 2026-03-19).",
    );

    const oldPolicy = readyInput();
    oldPolicy.entries = oldPolicy.entries.map((e) =>
      e.policyStrings.length
        ? { ...e, policyStrings: POLICY_LINES.map((l) => l.replace("86400", "604800")) }
        : e,
    );
    const c = status(oldPolicy, "READY-4");
    expect(c?.summary).toBe(
      "no report shows the current policy in its policy-string (2026-03-06 to 2026-03-19).",
    );
    expect(c?.evidence[1]).toBe(
      "Small Sender (small.example): sts entries on 14 days; policy-string shows mode testing, max_age 604800: not the current policy; 14 of 14 reports DKIM-verified (small.example).",
    );
  });

  it("READY-5: not met on policy fetch errors, a TLS failure rate of 0.1%, or unexplained failures", () => {
    const fetch = readyInput();
    fetch.failures = [
      fail("2026-03-15", "sts-policy-fetch-error", { mxHost: null, sessions: 3 }),
      fail("2026-03-16", "sts-policy-fetch-error", { mxHost: null, sessions: 2 }),
    ];
    expect(status(fetch, "READY-5")?.summary).toBe(
      "5 policy fetch/validation failures (2026-03-13 to 2026-03-19).",
    );

    const waived = readyInput();
    waived.failures = [fail("2026-03-15", "sts-policy-fetch-error", { mxHost: null, sessions: 3 })];
    const w = status(waived, "READY-5");
    expect(w?.status).toBe("met");
    expect(w?.evidence[1]).toMatch(/^Waived: fetch errors from one reporter on one day/);

    const older = readyInput();
    older.failures = [fail("2026-03-12", "sts-webpki-invalid", { sessions: 9 })];
    expect(status(older, "READY-5")?.status).toBe("met");

    // 70280 sessions in the week: 71 failures is 0.101%, 70 is 0.0996%.
    const rate = readyInput();
    rate.failures = [fail("2026-03-18", "certificate-expired", { sessions: 71 })];
    expect(status(rate, "READY-5")?.summary).toBe(
      "TLS failure rate 0.101% (2026-03-13 to 2026-03-19).",
    );
    const under = readyInput();
    under.failures = [fail("2026-03-18", "certificate-expired", { sessions: 70 })];
    expect(status(under, "READY-5")?.status).toBe("met");

    const unexplained = readyInput();
    unexplained.failures = [fail("2026-03-18", "validation-failure", { sessions: 1 })];
    expect(status(unexplained, "READY-5")?.summary).toBe(
      "1 TLS failure group without a reason code (2026-03-13 to 2026-03-19).",
    );

    const empty = readyInput();
    empty.entries = empty.entries.map((e) =>
      e.day >= "2026-03-13" ? { ...e, policyType: "no-policy-found" } : e,
    );
    expect(status(empty, "READY-5")?.status).toBe("unknown");
  });

  it("READY-6: not met when a report names an MX the policy does not cover", () => {
    const i = readyInput();
    i.failures = [
      fail("2026-03-10", "starttls-not-supported", {
        mxHost: "old-mx.ready.example",
        reasonCode: null,
      }),
    ];
    const c = status(i, "READY-6");
    expect(c?.status).toBe("not-met");
    expect(c?.summary).toBe("Not covered: old-mx.ready.example.");
    expect(c?.evidence).toContain(
      "old-mx.ready.example: NOT covered; 1 failed sessions on 1 days, reported by Google LLC.",
    );
  });

  it("READY-7: not met with max_age over one week or no policy", () => {
    const i = readyInput();
    if (i.policy) i.policy.maxAge = 1_209_600;
    expect(status(i, "READY-7")?.summary).toBe(
      "max_age 1209600 is over one week (604800): lower it before enforcing.",
    );
    const none = readyInput();
    none.policy = null;
    expect(status(none, "READY-7")?.status).toBe("not-met");
    expect(status(none, "READY-6")?.status).toBe("not-met");
  });

  it("estimates refused sessions per MX and day from testing-mode sts failures", () => {
    const i = readyInput();
    i.failures = [
      fail("2026-03-18", "certificate-expired", { sessions: 4 }),
      fail("2026-03-18", "certificate-expired", {
        sessions: 2,
        reporterKey: "small.example",
        organization: "Small Sender",
      }),
      fail("2026-03-18", "sts-policy-fetch-error", { mxHost: null, sessions: 1 }),
      fail("2026-03-17", "starttls-not-supported", { sessions: 3 }),
      fail("2026-03-17", "tlsa-invalid", { policyType: "tlsa", sessions: 8 }),
      fail("2026-01-01", "certificate-expired", { sessions: 50 }),
    ];
    // Item 7: a sender that could not fetch the policy delivers as before: left out.
    expect(evaluateReadiness(i).refusals).toEqual([
      {
        day: "2026-03-18",
        mxHost: "mx2.ready.example",
        sessions: 6,
        byType: { "certificate-expired": 6 },
      },
      {
        day: "2026-03-17",
        mxHost: "mx2.ready.example",
        sessions: 3,
        byType: { "starttls-not-supported": 3 },
      },
    ]);
  });
});
