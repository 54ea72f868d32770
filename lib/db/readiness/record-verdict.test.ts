// Issue 15 item 2 through the real SQLite database: a late report re-opens its day, the
// Enforce state's verdict changes, and the change is explained in the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport, CheckResult } from "@/lib/checker/types";
import { ingestGenerated } from "@/lib/demo/load-demo";
import type { GenReport } from "@/lib/demo/report-json";
import { addDays, utcDay } from "@/lib/stats/date-range";
import { listAudit } from "../audit/audit";
import { finishCheckRun, startCheckRun } from "../checks/checks";
import { addDomain, type Actor } from "../domains/domains";
import { createPolicyVersion } from "../policies/policies";
import { backdatePolicyVersion } from "../stats/backdate-policy-version";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { getEnforceState } from "./get-enforce-state";
import { VERDICT_ACTION } from "./record-verdict";

let t: TestDb;
let actor: Actor;
beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db);
});
afterAll(async () => t.close());

const NOW = new Date();
const LAST = addDays(utcDay(NOW), -1);
const GAP = addDays(LAST, -5);
const NAME = "late.example";
const MX = [`mx1.${NAME}`, `backup.${NAME}`];
const LINES = ["version: STSv1", "mode: testing", ...MX.map((m) => `mx: ${m}`), "max_age: 86400"];

function checkReport(): CheckReport {
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
  const summary = { error: 0, warning: 0, info: 0, ok: results.length, untested: 0 };
  return {
    domain: NAME,
    startedAt: "",
    finishedAt: "",
    durationMs: 1,
    mode: "testing",
    deadlineHit: false,
    results,
    summary,
  };
}

const report = (org: string, contact: string, day: string, failed = 0): GenReport => ({
  organization: org,
  contactInfo: contact,
  reportId: `${org}-${day}-${failed}`,
  day,
  policies: [
    {
      policyType: "sts",
      policyDomain: NAME,
      policyStrings: LINES,
      successful: 1000,
      failures:
        failed > 0
          ? [{ resultType: "certificate-expired", count: failed, receivingMxHostname: MX[0] }]
          : [],
    },
  ],
});

describe("a late report re-opens its day (issue 15 item 2)", () => {
  it("changes the verdict shown only with an explanation in the audit log", async () => {
    const added = await addDomain(t.db, { name: NAME, displayName: NAME }, actor);
    if (!added.ok) throw new Error(added.error);
    const domain = { id: added.value.id, name: NAME };
    const saved = new Date(Date.parse(`${addDays(LAST, -20)}T10:00:00Z`));
    const p = await createPolicyVersion(
      t.db,
      domain.id,
      { mode: "testing", maxAge: 86400, mx: MX },
      "create",
      actor,
      () => saved,
    );
    if (!p.ok) throw new Error(p.error);
    await backdatePolicyVersion(t.db, p.value.seq, saved);
    const reports: GenReport[] = [];
    for (let i = 0; i < 14; i++) {
      const day = addDays(LAST, -i);
      reports.push(report("Google LLC", "smtp-tls-reporting@google.com", day));
      if (day !== GAP) reports.push(report("Microsoft Corporation", "tlsrpt@microsoft.com", day));
    }
    expect(await ingestGenerated(t.db, reports)).toEqual({ stored: 27, duplicates: 0, other: 0 });
    // Each day's reports arrived the day after it, as reporters send them.
    for (const r of await t.db.report.findMany({ select: { id: true, reportDay: true } }))
      await t.db.report.update({
        where: { id: r.id },
        data: { receivedAt: new Date(`${addDays(r.reportDay, 1)}T12:00:00Z`) },
      });
    const run = await startCheckRun(t.db, domain.id, "test");
    await finishCheckRun(t.db, run, checkReport());

    const first = await getEnforceState(t.db, domain, NOW);
    expect(first.readiness.ready).toBe(true);
    expect(first.readiness.coverage.gaps).toEqual([
      { day: GAP, missing: ["Microsoft Corporation"] },
    ]);
    expect(first.verdictChange).toBeNull();
    expect((await getEnforceState(t.db, domain, NOW)).verdictChange).toBeNull();

    const late = [report("Microsoft Corporation", "tlsrpt@microsoft.com", GAP, 40)];
    expect(await ingestGenerated(t.db, late)).toEqual({ stored: 1, duplicates: 0, other: 0 });
    const after = await getEnforceState(t.db, domain, NOW);
    expect(after.readiness.ready).toBe(false);
    expect(after.readiness.coverage.gaps).toEqual([]);
    const daysLate = Math.floor(
      (Date.now() - Date.parse(`${addDays(GAP, 1)}T00:00:00Z`)) / 86_400_000,
    );
    const because = `Microsoft Corporation's report for ${GAP} arrived ${utcDay(new Date())}, ${daysLate} days after the day ended: ${GAP} was re-opened and judged again with it.`;
    expect(after.verdictChange?.change).toBe("READY-5 met → not met; no longer ready to enforce");
    expect(after.verdictChange?.because[0]).toBe(because);
    const audit = (await listAudit(t.db, { domainId: domain.id })).filter(
      (e) => e.action === VERDICT_ACTION,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe("system");
    expect(audit[0]?.details.because).toContain(because);
    // Shown again unchanged: no second audit entry.
    await getEnforceState(t.db, domain, NOW);
    expect(
      (await listAudit(t.db, { domainId: domain.id })).filter((e) => e.action === VERDICT_ACTION),
    ).toHaveLength(1);
  });
});
