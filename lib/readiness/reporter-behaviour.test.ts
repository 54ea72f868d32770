// Issue 15: the verdict knows how reporters behave. One scenario per item, each with the
// exact verdict and reason: a quiet usual reporter (item 1), a late report re-opening its
// day (item 2), a cached older policy after a change and zero-session reports (item 3),
// a sender-side DANE failure (item 4).
import { describe, expect, it } from "vitest";
import type { CheckReport, CheckResult } from "@/lib/checker/types";
import { addDays } from "@/lib/stats/date-range";
import { evaluateReadiness } from "./evaluate";
import { dkimPass } from "./auth.test-utils";
import type { FailureEntry, PolicyState, ReadinessInput, ReportEntry } from "./types";

const NOW = new Date("2026-11-20T09:00:00Z");
const LAST = "2026-11-19";
const MX = ["mx1.rb.example", "backup.rb.example"];
const lines = (mx: readonly string[], maxAge: number) => [
  "version: STSv1",
  "mode: testing",
  ...mx.map((m) => `mx: ${m}`),
  `max_age: ${maxAge}`,
];
const P1: PolicyState = {
  policyId: "p1",
  mode: "testing",
  maxAge: 86400,
  mx: MX,
  createdAt: new Date("2026-10-01T00:00:00Z"),
};

function check(tlsa: "none" | "present" | "unknown"): ReadinessInput["check"] {
  const r = (id: string, target?: string, title = id): CheckResult => ({
    id,
    severity: id === "CHK-MX-10" ? "info" : "ok",
    title,
    evidence: "",
    fix: "",
    ...(target ? { target } : {}),
  });
  const dane = (m: string) =>
    tlsa === "unknown"
      ? []
      : [r("CHK-MX-10", m, tlsa === "none" ? "No DANE TLSA records" : "DANE TLSA records present")];
  const results = [
    r("CHK-TXT-2"),
    r("CHK-HOST-2"),
    r("CHK-POL-1"),
    r("CHK-RPT-1"),
    ...MX.flatMap((m) => [
      ...["CHK-MX-1", "CHK-MX-3", "CHK-MX-4", "CHK-MX-5"].map((id) => r(id, m)),
      ...dane(m),
    ]),
  ];
  const report: CheckReport = {
    domain: "rb.example",
    startedAt: "",
    finishedAt: "",
    durationMs: 1,
    mode: "testing",
    deadlineHit: false,
    results,
    summary: { error: 0, warning: 0, info: 0, ok: results.length, untested: 0 },
  };
  return { finishedAt: new Date("2026-11-20T08:00:00Z"), report };
}

let nextId = 1;
// RPT-DELIV-7: each report is signed by its reporter's own domain (aligned DKIM pass).
const entry = (
  day: string,
  key: string,
  org: string,
  over: Partial<ReportEntry> = {},
): ReportEntry => ({
  day,
  reporterKey: key,
  organization: org,
  policyType: "sts",
  policyStrings: [] as string[],
  successful: 1000,
  failed: 0,
  entryId: nextId++,
  receivedAt: new Date(`${addDays(day, 1)}T12:00:00Z`),
  auth: dkimPass(key),
  ...over,
});
const google = (day: string, over: Partial<ReportEntry> = {}) =>
  entry(day, "google.com", "Google LLC", over);
const microsoft = (day: string, over: Partial<ReportEntry> = {}) =>
  entry(day, "microsoft.com", "Microsoft Corporation", over);
const small = (day: string, over: Partial<ReportEntry> = {}) =>
  entry(day, "small.example", "Small Sender", {
    successful: 50,
    policyStrings: lines(MX, 86400),
    ...over,
  });
const failure = (e: ReportEntry, over: Partial<FailureEntry>): FailureEntry => ({
  day: e.day,
  reporterKey: e.reporterKey,
  organization: e.organization,
  policyType: e.policyType,
  resultType: "certificate-expired",
  mxHost: "mx1.rb.example",
  sessions: e.failed,
  reasonCode: null,
  entryId: e.entryId,
  ...over,
});

/** 30 days from Google, Microsoft and a small sender, all clean, a fresh check. */
function clean(skip: (day: string, key: string) => boolean = () => false): ReadinessInput {
  const entries: ReportEntry[] = [];
  for (let i = 0; i < 30; i++) {
    const day = addDays(LAST, -i);
    for (const e of [google(day), microsoft(day), small(day)])
      if (!skip(day, e.reporterKey)) entries.push(e);
  }
  return {
    now: NOW,
    policy: P1,
    history: [P1],
    versions: [P1],
    check: check("none"),
    checkMaxAgeHours: 24,
    entries,
    failures: [],
    graceDays: 3,
  };
}
const criterion = (r: ReturnType<typeof evaluateReadiness>, id: string) =>
  r.criteria.find((c) => c.id === id);

describe("issue 15: how reporters behave", () => {
  it("the clean baseline is ready, and yesterday is the last complete day", () => {
    const r = evaluateReadiness(clean());
    expect(r.criteria.filter((c) => c.status !== "met").map((c) => c.summary)).toEqual([]);
    expect(r.coverage.lastComplete).toBe(LAST);
    expect(r.coverage.rows.map((x) => [x.organization, x.usual, x.quiet])).toEqual([
      ["Google LLC", true, false],
      ["Microsoft Corporation", true, false],
      ["Small Sender", true, false],
    ]);
  });

  it("item 1: a usual reporter gone quiet is flagged, and its silence is not a clean week", () => {
    const r = evaluateReadiness(clean((d, k) => k === "microsoft.com" && d > "2026-11-10"));
    const ms = r.coverage.rows.find((x) => x.reporterKey === "microsoft.com");
    expect([ms?.usual, ms?.quiet, ms?.lastDay]).toEqual([true, true, "2026-11-10"]);
    // Microsoft's silence holds the last three days open until the grace period ends.
    expect(r.coverage.lastComplete).toBe("2026-11-16");
    expect(r.coverage.open).toEqual(
      ["2026-11-17", "2026-11-18", "2026-11-19"].map((day) => ({
        day,
        missing: ["Microsoft Corporation"],
      })),
    );
    expect(r.coverage.gaps.map((g) => g.day)).toEqual(
      ["11", "12", "13", "14", "15", "16"].map((d) => `2026-11-${d}`),
    );
    const five = criterion(r, "READY-5");
    expect(five?.status).toBe("unknown");
    expect(five?.summary).toBe(
      "Microsoft Corporation (last report 2026-11-10) usually reports but sent nothing from 2026-11-13 to 2026-11-19: silence is not a clean week.",
    );
    expect(r.ready).toBe(false);
    expect(criterion(r, "READY-3")?.evidence).toContain(
      "2026-11-19 is not judged yet: waiting for Microsoft Corporation (grace period 3 days).",
    );
  });

  it("item 2: a report arriving after the grace period re-opens its day and changes the verdict", () => {
    const gap = (d: string, k: string) => k === "microsoft.com" && d === "2026-11-15";
    const before = evaluateReadiness(clean(gap));
    expect(before.ready).toBe(true);
    expect(before.coverage.gaps).toEqual([
      { day: "2026-11-15", missing: ["Microsoft Corporation"] },
    ]);
    const input = clean(gap);
    const late = microsoft("2026-11-15", {
      failed: 40,
      receivedAt: new Date("2026-11-20T08:00:00Z"),
    });
    const after = evaluateReadiness({
      ...input,
      entries: [...input.entries, late],
      failures: [failure(late, { reasonCode: "certificate has expired" })],
    });
    expect(after.coverage.gaps).toEqual([]);
    expect(after.coverage.late).toEqual([
      {
        day: "2026-11-15",
        organization: "Microsoft Corporation",
        receivedAt: "2026-11-20T08:00:00.000Z",
        daysLate: 4,
      },
    ]);
    expect(criterion(after, "READY-3")?.evidence).toContain(
      "Microsoft Corporation's report for 2026-11-15 arrived 2026-11-20, 4 days after the day ended: 2026-11-15 was re-opened and judged again with it.",
    );
    const five = criterion(after, "READY-5");
    expect(five?.status).toBe("not-met");
    expect(five?.summary).toBe("TLS failure rate 0.278% (2026-11-13 to 2026-11-19).");
    expect(after.ready).toBe(false);
  });

  it("item 3: entries under the older, still-cached policy are listed and not judged", () => {
    const OLD = ["old.rb.example", ...MX];
    const changed = new Date("2026-11-16T10:00:00Z");
    const p2: PolicyState = { ...P1, policyId: "p2", createdAt: changed };
    /** p1 listed old.rb.example; p2 dropped it on 11-16. Small Sender still shows p1. */
    const run = (oldMaxAge: number) => {
      const p1: PolicyState = { ...P1, mx: OLD, maxAge: oldMaxAge };
      const input = clean((_, k) => k === "small.example");
      const cached: ReportEntry[] = [];
      for (let i = 0; i < 30; i++) {
        const day = addDays(LAST, -i);
        const late = day >= "2026-11-16";
        cached.push(small(day, { policyStrings: lines(OLD, oldMaxAge), failed: late ? 5 : 0 }));
      }
      return evaluateReadiness({
        ...input,
        policy: p2,
        versions: [p2, p1],
        history: [p1, p2],
        entries: [...input.entries, ...cached],
        failures: cached
          .filter((e) => e.failed > 0)
          .map((e) => failure(e, { mxHost: "old.rb.example" })),
      });
    };
    // max_age one week: cacheable until 2026-11-23, so every p1 entry is set apart.
    const week = run(604800);
    expect(week.coverage.olderPolicy).toHaveLength(30);
    expect(week.coverage.olderPolicy[0]).toEqual({
      day: LAST,
      organization: "Small Sender",
      policyId: "p1",
    });
    const smallRow = week.coverage.rows.find((x) => x.reporterKey === "small.example");
    expect(smallRow?.cells.at(-1)).toMatchObject({
      state: "older-policy",
      note: "under policy p1",
      mxHosts: ["old.rb.example"],
    });
    expect(criterion(week, "READY-6")?.status).toBe("met");
    expect(week.mx.map((m) => m.host)).toEqual(["backup.rb.example", "mx1.rb.example"]);
    const four = criterion(week, "READY-4");
    expect(four?.summary).toBe(
      "no report shows the current policy in its policy-string (2026-11-06 to 2026-11-19).",
    );
    expect(four?.evidence).toContain(
      `${LAST} Small Sender: under policy p1 (an older version senders may still cache): not evidence for the current policy.`,
    );
    // max_age one day: cacheable until 2026-11-17; from 11-18 on, p1 is judged again.
    const day = run(86400);
    expect(day.coverage.olderPolicy.map((o) => o.day).slice(0, 2)).toEqual([
      "2026-11-17",
      "2026-11-16",
    ]);
    expect(criterion(day, "READY-6")?.summary).toBe("Not covered: old.rb.example.");
  });

  it("item 3: zero-session reports are no coverage", () => {
    const input = clean((d, k) => k !== "small.example" && d >= "2026-11-10" && d <= "2026-11-12");
    const zero = input.entries.map((e) =>
      e.reporterKey === "small.example" ? { ...e, successful: 0, failed: 0 } : e,
    );
    const r = evaluateReadiness({ ...input, entries: zero });
    const three = criterion(r, "READY-3");
    expect(three?.status).toBe("not-met");
    expect(three?.summary).toBe(
      "7 of 14 days so far: the run starts after no report covers 2026-11-12.",
    );
    expect(three?.evidence).toContain(
      "2026-11-12: only zero-session reports (Small Sender): no sessions, so no coverage.",
    );
    const row = r.coverage.rows.find((x) => x.reporterKey === "small.example");
    expect([row?.usual, row?.lastDay, row?.cells.at(-1)?.state]).toEqual([
      false,
      null,
      "zero-sessions",
    ]);
  });

  describe("item 4: whose failure it is", () => {
    const withDane = (tlsa: "none" | "present" | "unknown") => {
      const input = clean();
      const last = google(LAST, { failed: 30, successful: 970 });
      return evaluateReadiness({
        ...input,
        check: check(tlsa),
        entries: [
          ...input.entries.filter((e) => e.day !== LAST || e.reporterKey !== "google.com"),
          last,
        ],
        failures: [failure(last, { resultType: "dane-required" })],
      });
    };

    it("a DANE failure while the domain publishes no TLSA is the sender's: shown, not blocking", () => {
      const r = withDane("none");
      expect(r.sides).toEqual([
        expect.objectContaining({
          resultType: "dane-required",
          side: "sender",
          sessions: 30,
        }),
      ]);
      const five = criterion(r, "READY-5");
      expect(five?.status).toBe("met");
      expect(five?.evidence).toContain(
        `Sender side, does not block: ${LAST} Google LLC: 30 × dane-required on mx1.rb.example: dane-required while the domain publishes no TLSA records (CHK-MX-10): the sender's own DANE/DNSSEC problem, not a reason to hold back enforce.`,
      );
      expect(r.ready).toBe(true);
    });

    it("with TLSA records published it is ours and blocks; unknown blocks too", () => {
      const ours = withDane("present");
      expect(ours.sides.map((s) => s.side)).toEqual(["ours"]);
      expect(criterion(ours, "READY-5")?.status).toBe("not-met");
      const unknown = withDane("unknown");
      expect(unknown.sides.map((s) => [s.side, s.why])).toEqual([
        ["unknown", "dane-required: no checker run says whether the MX publishes TLSA records"],
      ]);
      expect(criterion(unknown, "READY-5")?.status).toBe("not-met");
      expect(unknown.ready).toBe(false);
    });
  });
});
