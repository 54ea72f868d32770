// Issue 13: the stored readiness verdict is recomputed after each write that changes its
// inputs (a report stored, a check finished, a policy saved), a stale one on the Enforce
// page's read, and the domain list always shows what the Enforce page shows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport, CheckResult } from "@/lib/checker/types";
import { ingestGenerated } from "@/lib/demo/load-demo";
import type { GenReport } from "@/lib/demo/report-json";
import { addDays, utcDay } from "@/lib/stats/date-range";
import { finishCheckRun, startCheckRun } from "../checks/checks";
import { getDomainList } from "../domains/domain-list";
import { addDomain, removeDomain, type Actor } from "../domains/domains";
import { createPolicyVersion } from "../policies/policies";
import { backdatePolicyVersion } from "../stats/backdate-policy-version";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { getEnforceState } from "./get-enforce-state";
import { markVerdictsDirty, readVerdictRow, storeVerdict, verdictOf } from "./verdict";
import { settleVerdicts, verdictInputsChanged } from "./verdict-queue";

let t: TestDb;
let actor: Actor;
beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db);
});
afterAll(async () => t.close());

const LAST = addDays(utcDay(new Date()), -1);
const ok = (id: string, target?: string): CheckResult => ({
  id,
  severity: "ok",
  title: id,
  evidence: "",
  fix: "",
  ...(target ? { target } : {}),
});

function checkReport(mx: readonly string[], failing?: string): CheckReport {
  const results = [
    ...["CHK-TXT-2", "CHK-HOST-2", "CHK-POL-1", "CHK-RPT-1"].map((id) => ok(id)),
    ...mx.flatMap((m) => ["CHK-MX-1", "CHK-MX-3", "CHK-MX-4", "CHK-MX-5"].map((id) => ok(id, m))),
  ].map((r) =>
    r.id === "CHK-MX-1" && r.target === failing ? { ...r, severity: "error" as const } : r,
  );
  const errors = results.filter((r) => r.severity === "error").length;
  return {
    domain: "",
    startedAt: "",
    finishedAt: "",
    durationMs: 1,
    mode: "testing",
    deadlineHit: false,
    results,
    summary: { error: errors, warning: 0, info: 0, ok: results.length - errors, untested: 0 },
  };
}

const report = (name: string, d: string, failed: number, tag = "", small = false): GenReport => ({
  organization: small ? "Small Sender" : "Google LLC",
  contactInfo: small ? "postmaster@small-sender.example" : "smtp-tls-reporting@google.com",
  reportId: `${small ? "s" : "g"}-${name}-${d}${tag}`,
  day: d,
  policies: [
    {
      policyType: "sts",
      policyDomain: name,
      policyStrings: ["version: STSv1", "mode: testing", `mx: mx1.${name}`, "max_age: 86400"],
      successful: 1000,
      failures: failed
        ? [{ resultType: "certificate-expired", count: failed, receivingMxHostname: `mx1.${name}` }]
        : [],
    },
  ],
});

/** A domain that is ready: a 20-day-old testing policy, 14 clean days from two reporters
 * (one large), a clean check. */
async function readyDomain(name: string): Promise<string> {
  const added = await addDomain(t.db, { name, displayName: name }, actor);
  if (!added.ok) throw new Error(added.error);
  const saved = new Date(Date.parse(`${addDays(LAST, -20)}T10:00:00Z`));
  const p = await createPolicyVersion(
    t.db,
    added.value.id,
    { mode: "testing", maxAge: 86400, mx: [`mx1.${name}`] },
    "create",
    actor,
    () => saved,
  );
  if (!p.ok) throw new Error(p.error);
  await backdatePolicyVersion(t.db, p.value.seq, saved);
  // READY-4: two reporters, one of them large.
  const days = Array.from({ length: 14 }, (_, i) => [
    report(name, addDays(LAST, -i), 0),
    report(name, addDays(LAST, -i), 0, "", true),
  ]).flat();
  expect(await ingestGenerated(t.db, days)).toEqual({ stored: 28, duplicates: 0, other: 0 });
  await finishCheckRun(
    t.db,
    await startCheckRun(t.db, added.value.id, "t"),
    checkReport([`mx1.${name}`]),
  );
  await settleVerdicts(t.db);
  return added.value.id;
}

/** The list's row and the Enforce page's verdict for a domain, after the queue settled. */
async function listAndPage(id: string) {
  await settleVerdicts(t.db);
  const row = (await getDomainList(t.db)).rows.find((r) => r.id === id);
  if (!row) throw new Error("not listed");
  const listed = row.readiness;
  const page = verdictOf((await getEnforceState(t.db, row)).readiness);
  return { listed, page };
}

describe("stored readiness verdict (issue 13)", () => {
  it("a ready domain: the list shows 7/7 and agrees with the Enforce page", async () => {
    const id = await readyDomain("ready.example");
    const { listed, page } = await listAndPage(id);
    expect(listed).toMatchObject({ ready: true, met: 7, total: 7, open: [], stale: false });
    expect(listed).toMatchObject(page);
  });

  it("recomputed after a report is stored (READY-5: the last reported day failed)", async () => {
    const id = await readyDomain("report.example");
    const out = await ingestGenerated(t.db, [report("report.example", LAST, 40, "-late")]);
    expect(out).toEqual({ stored: 1, duplicates: 0, other: 0 });
    const { listed, page } = await listAndPage(id);
    expect(listed).toMatchObject({ ready: false, met: 6, open: ["READY-5"], stale: false });
    expect(listed).toMatchObject(page);
  });

  it("recomputed after a check finishes (READY-2: an MX fails CHK-MX-1)", async () => {
    const id = await readyDomain("check.example");
    const run = await startCheckRun(t.db, id, "t");
    await finishCheckRun(t.db, run, checkReport(["mx1.check.example"], "mx1.check.example"));
    const { listed, page } = await listAndPage(id);
    expect(listed).toMatchObject({ ready: false, met: 6, open: ["READY-2"], stale: false });
    expect(listed).toMatchObject(page);
  });

  it("recomputed after a policy is saved (READY-1..5: check and reports predate the version)", async () => {
    const id = await readyDomain("policy.example");
    const mx = ["mx1.policy.example", "mx2.policy.example"];
    const saved = await createPolicyVersion(
      t.db,
      id,
      { mode: "testing", maxAge: 86400, mx },
      "edit",
      actor,
    );
    expect(saved.ok).toBe(true);
    const { listed, page } = await listAndPage(id);
    expect(listed?.ready).toBe(false);
    // READY-1/2: the check ran before this version; READY-4: no report shows it yet;
    // READY-3/5: every report was sent under the older policy (issue 15 item 3).
    expect(listed?.open).toEqual(["READY-1", "READY-2", "READY-3", "READY-4", "READY-5"]);
    expect(listed).toMatchObject(page);
  });

  it("a stale verdict shows as stale on the list and is recomputed on the Enforce page's read", async () => {
    const id = await readyDomain("stale.example");
    expect(
      await markVerdictsDirty(t.db, { names: ["stale.example", "not-managed.example"] }),
    ).toEqual([id]);
    const before = await getDomainList(t.db);
    expect(before.rows.find((r) => r.id === id)?.readiness?.stale).toBe(true);
    expect(before.staleIds).toContain(id);
    await getEnforceState(t.db, { id, name: "stale.example" });
    const after = await getDomainList(t.db);
    expect(after.rows.find((r) => r.id === id)?.readiness).toMatchObject({
      ready: true,
      stale: false,
    });
    expect(after.staleIds).not.toContain(id);
  });

  it("a verdict from older inputs never replaces one from newer inputs", async () => {
    const id = await readyDomain("race.example");
    const row = await readVerdictRow(t.db, id);
    const newer = row?.computedVersion ?? 0;
    const { readiness } = await getEnforceState(t.db, { id, name: "race.example" });
    const notReady = { ...readiness, ready: false, metCount: 0 };
    await storeVerdict(t.db, id, notReady, newer - 1, new Date());
    expect(await readVerdictRow(t.db, id)).toMatchObject({ ready: true, computedVersion: newer });
  });

  it("a domain removed before its recomputation: nothing stored, nothing thrown", async () => {
    const id = await readyDomain("gone.example");
    verdictInputsChanged(t.db, { ids: [id] });
    const removed = await removeDomain(t.db, id, actor);
    expect(removed.ok).toBe(true);
    await settleVerdicts(t.db);
    expect(await t.db.domainVerdict.count({ where: { domainId: id } })).toBe(0);
  });

  it("a pass over many domains gives the event loop a turn between two domains (bench:watch)", async () => {
    // After the daily re-check every domain's verdict is recomputed; on SQLite its queries
    // never yield by themselves, and page requests must not wait for the whole pass.
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const added = await addDomain(t.db, { name: `pass${i}.example`, displayName: "" }, actor);
      if (!added.ok) throw new Error(added.error);
      ids.push(added.value.id);
    }
    await settleVerdicts(t.db);
    let turns = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    verdictInputsChanged(t.db, { ids });
    await settleVerdicts(t.db);
    done = true;
    expect(turns).toBeGreaterThanOrEqual(ids.length);
    const rows = await t.db.domainVerdict.findMany({ where: { domainId: { in: ids } } });
    expect(rows.filter((r) => r.computedVersion === r.inputsVersion)).toHaveLength(ids.length);
  });
});
