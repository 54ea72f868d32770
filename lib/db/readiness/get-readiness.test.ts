// Issue #12 through the real SQLite database: reports go in through the one ingestion
// path, a checker run is stored as the checker stores it, and getReadiness judges them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport, CheckResult } from "@/lib/checker/types";
import { ingestGenerated } from "@/lib/demo/load-demo";
import type { GenReport } from "@/lib/demo/report-json";
import { ingestInOrder } from "@/lib/ingest/bulk";
import { addDays, utcDay } from "@/lib/stats/date-range";
import { finishCheckRun, startCheckRun } from "../checks/checks";
import { addDomain, type Actor } from "../domains/domains";
import { createPolicyVersion } from "../policies/policies";
import { backdatePolicyVersion } from "../stats/backdate-policy-version";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { getReadiness } from "./get-readiness";
import { getReportEntries } from "./get-report-entries";

let t: TestDb;
let actor: Actor;
beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db);
});
afterAll(async () => t.close());

const NOW = new Date();
const LAST = addDays(utcDay(NOW), -1);

function checkReport(domain: string, mx: readonly string[]): CheckReport {
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
    ...mx.flatMap((m) => ["CHK-MX-1", "CHK-MX-3", "CHK-MX-4", "CHK-MX-5"].map((id) => ok(id, m))),
  ];
  return {
    domain,
    startedAt: "",
    finishedAt: "",
    durationMs: 1,
    mode: "testing",
    deadlineHit: false,
    results,
    summary: { error: 0, warning: 0, info: 0, ok: results.length, untested: 0 },
  };
}

/** A domain with a 20-day-old testing policy, 14 days of reports and a check run now. */
async function domainWith(name: string, backupFails: boolean): Promise<string> {
  const mx = [`mx1.${name}`, `backup.${name}`];
  const added = await addDomain(t.db, { name, displayName: name }, actor);
  if (!added.ok) throw new Error(added.error);
  const saved = new Date(Date.parse(`${addDays(LAST, -20)}T10:00:00Z`));
  const policy = await createPolicyVersion(
    t.db,
    added.value.id,
    { mode: "testing", maxAge: 86400, mx },
    "create",
    actor,
    () => saved,
  );
  if (!policy.ok) throw new Error(policy.error);
  await backdatePolicyVersion(t.db, policy.value.seq, saved);
  const lines = ["version: STSv1", "mode: testing", ...mx.map((m) => `mx: ${m}`), "max_age: 86400"];
  const reports: GenReport[] = [];
  for (let i = 0; i < 14; i++) {
    const day = addDays(LAST, -i);
    reports.push({
      organization: "Google LLC",
      contactInfo: "smtp-tls-reporting@google.com",
      reportId: `g-${name}-${day}`,
      day,
      policies: [
        {
          policyType: "sts",
          policyDomain: name,
          successful: backupFails ? 1019 : 1020,
          failures: backupFails
            ? [
                {
                  resultType: "certificate-expired",
                  count: 1,
                  receivingMxHostname: `backup.${name}`,
                },
              ]
            : [],
        },
      ],
    });
    reports.push({
      organization: "Small Sender",
      contactInfo: "postmaster@small-sender.example",
      reportId: `s-${name}-${day}`,
      day,
      policies: [
        {
          policyType: "sts",
          policyDomain: name,
          policyStrings: lines,
          successful: 0,
          failures: [],
        },
      ],
    });
  }
  expect(await ingestGenerated(t.db, reports)).toEqual({ stored: 28, duplicates: 0, other: 0 });
  const run = await startCheckRun(t.db, added.value.id, "test");
  await finishCheckRun(t.db, run, checkReport(name, mx));
  return added.value.id;
}

describe("getReadiness on a real database (issue #12)", () => {
  it("clean: 14 days of testing reports and a fresh check: ready", async () => {
    const id = await domainWith("clean.example", false);
    const r = await getReadiness(t.db, id, NOW, 24);
    expect(r.criteria.filter((c) => c.status !== "met").map((c) => c.summary)).toEqual([]);
    expect(r.ready).toBe(true);
  });

  it("(d) a backup MX failing 1 in 1,020 sessions every day: not ready, and says why", async () => {
    const id = await domainWith("backup.example", true);
    const r = await getReadiness(t.db, id, NOW, 24);
    expect(r.ready).toBe(false);
    const five = r.criteria.find((c) => c.id === "READY-5");
    expect(five?.summary).toBe(
      `backup.backup.example failed on 7 of the last 7 days (7 × certificate-expired) and on the last reported day ${LAST} (1 × certificate-expired): in enforce these sessions would bounce; fix this MX first (${addDays(LAST, -6)} to ${LAST}).`,
    );
    expect(five?.evidence[0]).toBe(
      `7,140 sts sessions from ${addDays(LAST, -6)} to ${LAST}; 7 failed TLS (0.098%, limit 0.100%).`,
    );
    expect(r.mx.map((m) => [m.host, m.blocking, m.daysWithFailures])).toEqual([
      ["backup.backup.example", true, 7],
      ["mx1.backup.example", false, 0],
    ]);
  });

  it("(b) a check run older than the limit does not count", async () => {
    const id = await domainWith("stale.example", false);
    const later = new Date(NOW.getTime() + 25 * 3_600_000);
    const r = await getReadiness(t.db, id, later, 24);
    expect(r.check.state).toBe("stale");
    expect(r.ready).toBe(false);
  });

  it("RPT-JSON-3: a day written with +02:00 is stored under its own date", async () => {
    const report = {
      "organization-name": "Offset Sender",
      "date-range": {
        "start-datetime": "2026-11-01T00:00:00+02:00",
        "end-datetime": "2026-11-01T23:59:59+02:00",
      },
      "contact-info": "tls@offset.example",
      "report-id": "offset-1",
      policies: [
        {
          policy: { "policy-type": "sts", "policy-domain": "clean.example" },
          summary: { "total-successful-session-count": 5, "total-failure-session-count": 0 },
        },
      ],
    };
    const [out] = await ingestInOrder(t.db, [
      {
        meta: { channel: "cli", source: "offset", contentType: "application/tlsrpt+json" },
        load: () => new TextEncoder().encode(JSON.stringify(report)),
      },
    ]);
    expect(out?.status).toBe("stored");
    const domain = await t.db.domain.findUniqueOrThrow({ where: { name: "clean.example" } });
    const entries = await getReportEntries(
      t.db,
      domain.id,
      { from: "2026-10-30", to: "2026-11-02" },
      new Set(),
    );
    expect(entries.map((e) => [e.day, e.organization])).toEqual([["2026-11-01", "Offset Sender"]]);
  });
});
