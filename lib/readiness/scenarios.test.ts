// Issue #12: the four ways the verdict said "ready" too early, (a)–(d), each reproduced
// with built inputs and now "not ready" with its reason; and the clean scenario.
import { describe, expect, it } from "vitest";
import type { CheckReport, CheckResult } from "@/lib/checker/types";
import { addDays } from "@/lib/stats/date-range";
import { evaluateReadiness } from "./evaluate";
import { dkimPass, unauthenticated } from "./auth.test-utils";
import type { FailureEntry, ReadinessInput, ReportEntry } from "./types";

const NOW = new Date("2026-11-20T09:00:00Z");
const LAST = "2026-11-19";
const MX = ["mx1.scen.example", "backup.scen.example"];
const TESTING = ["version: STSv1", "mode: testing", ...MX.map((m) => `mx: ${m}`), "max_age: 86400"];

function check(finishedAt: Date): { finishedAt: Date; report: CheckReport } {
  const ok = (id: string, target?: string): CheckResult => ({
    id,
    severity: "ok",
    title: id,
    evidence: "",
    fix: "",
    ...(target ? { target } : {}),
  });
  const results = [
    ok("CHK-TXT-2"),
    ok("CHK-HOST-2"),
    ok("CHK-POL-1"),
    ok("CHK-RPT-1"),
    ...MX.flatMap((m) => ["CHK-MX-1", "CHK-MX-3", "CHK-MX-4", "CHK-MX-5"].map((id) => ok(id, m))),
  ];
  return {
    finishedAt,
    report: {
      domain: "scen.example",
      startedAt: "",
      finishedAt: "",
      durationMs: 1,
      mode: "testing",
      deadlineHit: false,
      results,
      summary: { error: 0, warning: 0, info: 0, ok: results.length, untested: 0 },
    },
  };
}

const google = (day: string, over: Partial<ReportEntry> = {}): ReportEntry => ({
  day,
  reporterKey: "google.com",
  organization: "Google LLC",
  policyType: "sts",
  policyStrings: [],
  successful: 1000,
  failed: 0,
  auth: dkimPass("google.com"),
  ...over,
});
const microsoft = (day: string, over: Partial<ReportEntry> = {}): ReportEntry => ({
  ...google(day),
  reporterKey: "microsoft.com",
  organization: "Microsoft Corporation",
  auth: dkimPass("microsoft.com"),
  ...over,
});
const small = (day: string): ReportEntry => ({
  ...google(day),
  reporterKey: "small.example",
  organization: "Small Sender",
  successful: 50,
  policyStrings: TESTING,
  auth: unauthenticated(),
});

const POLICY_SAVED = new Date("2026-10-25T00:00:00Z");

/** 14 clean days from three reporters, a testing policy since 2026-10-25, a check of this morning. */
function clean(): ReadinessInput {
  const entries: ReportEntry[] = [];
  for (let i = 0; i < 14; i++) {
    const day = addDays(LAST, -i);
    entries.push(google(day), microsoft(day), small(day));
  }
  return {
    now: NOW,
    policy: { policyId: "p1", mode: "testing", maxAge: 86400, mx: MX, createdAt: POLICY_SAVED },
    history: [{ mode: "testing", createdAt: POLICY_SAVED }],
    check: check(new Date("2026-11-20T07:00:00Z")),
    checkMaxAgeHours: 24,
    entries,
    failures: [],
  };
}

const criterion = (i: ReadinessInput, id: string) =>
  evaluateReadiness(i).criteria.find((c) => c.id === id);

describe("issue #12 readiness scenarios (READY-1..7)", () => {
  it("clean: 14 days, a fresh check, no failures: ready", () => {
    const r = evaluateReadiness(clean());
    expect(r.criteria.filter((c) => c.status !== "met").map((c) => [c.id, c.summary])).toEqual([]);
    expect(r.ready).toBe(true);
    expect(r.check).toEqual({ state: "fresh", reason: "" });
    expect(r.mx.map((m) => [m.host, m.blocking, m.reason])).toEqual([
      ["backup.scen.example", false, "No failed sessions reported."],
      ["mx1.scen.example", false, "No failed sessions reported."],
    ]);
  });

  it("(a) READY-3: days of no-policy-found entries do not count, whatever the history says", () => {
    const i = clean();
    // The policy was saved 20 days ago, but the _mta-sts record went live 2 days ago.
    const entries: ReportEntry[] = [];
    for (let d = 0; d < 14; d++) {
      const day = addDays(LAST, -d);
      const type = d < 2 ? "sts" : "no-policy-found";
      entries.push(google(day, { policyType: type }), microsoft(day, { policyType: type }));
    }
    i.entries = entries;
    const r = evaluateReadiness(i);
    expect(r.ready).toBe(false);
    const c = criterion(i, "READY-3");
    expect(c?.status).toBe("not-met");
    expect(c?.summary).toBe(
      "2 of 14 days so far: the run starts after 2026-11-17 has no sts entries (no-policy-found): senders found no policy.",
    );
    expect(c?.evidence).toContain(
      "Mode taken from this dashboard's policy history (no policy-string in their reports) for: Google LLC, Microsoft Corporation.",
    );
  });

  it("item 1: a self-hosted policy seen in enforce, or not covering the MX set, stops the run", () => {
    const enforce = clean();
    enforce.entries = enforce.entries.map((e) =>
      e.reporterKey === "small.example" && e.day === "2026-11-15"
        ? { ...e, policyStrings: TESTING.map((l) => l.replace("testing", "enforce")) }
        : e,
    );
    // Google/Microsoft have no policy-string; the small sender's contradicts the history.
    expect(criterion(enforce, "READY-3")?.summary).toBe(
      "4 of 14 days so far: the run starts after on 2026-11-15 Small Sender saw mode enforce.",
    );
    const narrow = clean();
    narrow.entries = narrow.entries.map((e) =>
      e.reporterKey === "small.example" && e.day <= "2026-11-16"
        ? { ...e, policyStrings: TESTING.filter((l) => !l.includes("backup")) }
        : e,
    );
    expect(criterion(narrow, "READY-3")?.summary).toBe(
      "3 of 14 days so far: the run starts after on 2026-11-16 Small Sender saw a testing policy that does not cover backup.scen.example.",
    );
  });

  it("(b) READY-1/2: a check from before the current policy version does not count", () => {
    const i = clean();
    const newer = new Date("2026-11-20T08:00:00Z");
    i.policy = { policyId: "p2", mode: "testing", maxAge: 86400, mx: MX, createdAt: newer };
    i.history = [...i.history, { mode: "testing", createdAt: newer }];
    const r = evaluateReadiness(i);
    expect(r.ready).toBe(false);
    const reason =
      "The last check (2026-11-20T07:00Z) ran before the current policy version p2 was saved (2026-11-20T08:00Z): run a new check.";
    expect(r.check).toEqual({
      state: "stale",
      reason,
      // issue 16 §6: the same reason as a message for the German and English UI
      message: {
        key: "checkBeforePolicy",
        params: { ran: "2026-11-20T07:00Z", id: "p2", saved: "2026-11-20T08:00Z" },
      },
    });
    expect([criterion(i, "READY-1")?.summary, criterion(i, "READY-2")?.status]).toEqual([
      reason,
      "not-met",
    ]);
  });

  it("item 2: a check older than STS_CHECK_MAX_AGE_HOURS does not count; none at all is unknown", () => {
    const old = clean();
    old.check = check(new Date("2026-11-19T08:00:00Z"));
    expect(criterion(old, "READY-2")?.summary).toBe(
      "The last check (2026-11-19T08:00Z) is 25 hours old, over the 24-hour limit: run a new check.",
    );
    expect(evaluateReadiness(old).ready).toBe(false);
    old.checkMaxAgeHours = 48;
    expect(evaluateReadiness(old).ready).toBe(true);
    const untested = clean();
    untested.check?.report.results.push({
      id: "CHK-HOST-2",
      severity: "untested",
      title: "Policy host over IPv6",
      evidence: "no IPv6 route from this server",
      fix: "",
    });
    expect(criterion(untested, "READY-1")?.summary).toBe(
      "1 check could not run (an untested check never counts as passing).",
    );
    expect(evaluateReadiness(untested).ready).toBe(false);
    const none = clean();
    none.check = null;
    expect(evaluateReadiness(none).check.state).toBe("missing");
    expect(criterion(none, "READY-1")?.status).toBe("unknown");
  });

  it("(c) READY-5: total-failure-session-count without detail rows is counted", () => {
    const i = clean();
    i.entries = i.entries.map((e) =>
      e.reporterKey === "google.com" ? { ...e, successful: 900, failed: 100 } : e,
    );
    const c = criterion(i, "READY-5");
    expect(c?.status).toBe("not-met");
    expect(c?.summary).toBe("TLS failure rate 4.88% (2026-11-13 to 2026-11-19).");
    expect(c?.evidence.slice(0, 2)).toEqual([
      "14,350 sts sessions from 2026-11-13 to 2026-11-19; 700 failed TLS (4.88%, limit 0.100%).",
      "700 of the failed sessions (total-failure-session-count) have no failure-detail row.",
    ]);
    expect(evaluateReadiness(i).refusals[0]).toEqual({
      day: LAST,
      mxHost: "",
      sessions: 100,
      byType: { "no failure details": 100 },
    });
  });

  it("item 7: the refusal estimate leaves out policy-fetch failures", () => {
    const i = clean();
    i.entries = i.entries.map((e) =>
      e.reporterKey === "google.com" && e.day === LAST ? { ...e, failed: 6 } : e,
    );
    i.failures = [
      fail(LAST, "sts-policy-fetch-error", 3, null),
      fail(LAST, "sts-webpki-invalid", 1, null),
      fail(LAST, "certificate-expired", 2, "backup.scen.example"),
    ];
    expect(evaluateReadiness(i).refusals).toEqual([
      {
        day: LAST,
        mxHost: "backup.scen.example",
        sessions: 2,
        byType: { "certificate-expired": 2 },
      },
    ]);
  });

  it("(c) READY-5: an unrecognised result type is a failure", () => {
    const i = clean();
    i.entries = i.entries.map((e) => (e.reporterKey === "google.com" ? { ...e, failed: 500 } : e));
    i.failures = Array.from({ length: 14 }, (_, d) =>
      fail(addDays(LAST, -d), "smtp-wizardry", 500, null),
    );
    const c = criterion(i, "READY-5");
    expect(c?.summary).toBe(
      "TLS failure rate 19.6%; 7 TLS failure groups without a reason code (2026-11-13 to 2026-11-19).",
    );
    expect(c?.evidence).toContain(
      "TLS failure: 2026-11-19 Google LLC: 500 × smtp-wizardry on an unnamed MX (unknown result type, counted as a failure).",
    );
  });

  it("(d) per MX: a backup MX failing every day blocks enforce under the 0.1% rate", () => {
    const i = clean();
    i.entries = i.entries.map((e) => (e.reporterKey === "google.com" ? { ...e, failed: 1 } : e));
    i.failures = Array.from({ length: 14 }, (_, d) =>
      fail(addDays(LAST, -d), "certificate-expired", 1, "backup.scen.example"),
    );
    const r = evaluateReadiness(i);
    expect(r.ready).toBe(false);
    const reason =
      "backup.scen.example failed on 7 of the last 7 days (7 × certificate-expired) and on the last reported day 2026-11-19 (1 × certificate-expired): in enforce these sessions would bounce; fix this MX first";
    expect(criterion(i, "READY-5")?.summary).toBe(`${reason} (2026-11-13 to 2026-11-19).`);
    expect(criterion(i, "READY-5")?.evidence[0]).toBe(
      "14,357 sts sessions from 2026-11-13 to 2026-11-19; 7 failed TLS (0.049%, limit 0.100%).",
    );
    const backup = r.mx[0];
    expect([backup?.host, backup?.blocking, backup?.daysWithFailures, backup?.lastFailure]).toEqual(
      ["backup.scen.example", true, 7, LAST],
    );
    expect(backup?.reason).toBe(`${reason}.`);
    expect(backup?.days.length).toBe(14);
  });

  it("(d) per MX: one failure on an earlier day does not block; unattributed failures show apart", () => {
    const i = clean();
    i.failures = [
      fail("2026-11-16", "certificate-expired", 1, "backup.scen.example"),
      fail("2026-11-18", "validation-failure", 1, null, "timeout"),
    ];
    i.entries = i.entries.map((e) =>
      e.reporterKey === "google.com" && (e.day === "2026-11-16" || e.day === "2026-11-18")
        ? { ...e, failed: 1 }
        : e,
    );
    const r = evaluateReadiness(i);
    expect(r.mx.map((m) => [m.host, m.blocking, m.reason])).toEqual([
      [
        "backup.scen.example",
        false,
        "Failed on 1 of the last 7 days (2026-11-16), not on the last reported day.",
      ],
      ["mx1.scen.example", false, "No failed sessions reported."],
      [
        "",
        false,
        "1 failed session names no MX (1 × validation-failure): counted in the domain-wide rate (READY-5).",
      ],
    ]);
    expect(r.ready).toBe(true);
  });
});

function fail(
  day: string,
  resultType: string,
  sessions: number,
  mxHost: string | null,
  reasonCode: string | null = null,
): FailureEntry {
  return {
    day,
    reporterKey: "google.com",
    organization: "Google LLC",
    policyType: "sts",
    resultType,
    mxHost,
    sessions,
    reasonCode,
  };
}
