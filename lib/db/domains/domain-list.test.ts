// Issue 13: the domain list from a constant number of queries over DailyRollup, the policy
// versions and the stored verdict, on a real database (SQLite; PostgreSQL under test:pg).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPolicyVersion } from "../policies/policies";
import { getEnforceState } from "../readiness/get-enforce-state";
import { verdictOf } from "../readiness/verdict";
import { refreshStaleVerdicts, settleVerdicts } from "../readiness/verdict-queue";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import type { Actor } from "./domains";
import { getDomainList } from "./domain-list";
import {
  countingDb,
  day,
  seedCheck,
  seedLiveDomain,
  seedRollups,
  type CountingDb,
} from "./domain-list.test-utils";

let t: TestDb;
let counting: CountingDb;
let actor: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestDb();
  counting = countingDb(t.config);
  actor = await createTestActor(t.db);
  ids.a = await seedLiveDomain(t.db, actor, "a.example");
  ids.b = (await t.db.domain.create({ data: { name: "b.example", displayName: "b.example" } })).id;
  const c = await t.db.domain.create({ data: { name: "c.example", displayName: "c.example" } });
  ids.c = c.id;
  const p = await createPolicyVersion(
    t.db,
    c.id,
    { mode: "enforce", maxAge: 604800, mx: ["mx.c.example"] },
    "create",
    actor,
  );
  if (!p.ok) throw new Error(p.error);
  await seedCheck(t.db, c.id, 2);
  await seedRollups(t.db, c.id, [
    { day: day(3), resultType: "success", sessions: 5, reporterKey: "google.com" },
    { day: day(3), resultType: "success", sessions: 5, reporterKey: "microsoft.com" },
    { day: day(3), resultType: "failure", sessions: 2 },
    { day: day(9), resultType: "success", sessions: 100 },
    // A failure-detail row of one MX: neither the last report day nor the week's totals.
    { day: day(2), resultType: "certificate-expired", sessions: 7, mxHost: "mx.c.example" },
  ]);
  await settleVerdicts(t.db);
});

afterAll(async () => {
  await counting.close();
  await t.close();
});

describe("getDomainList (issue 13)", () => {
  it("shows mode, last report day, 7-day sessions and rollout step per domain, exactly", async () => {
    const { rows, staleIds } = await getDomainList(t.db);
    expect(
      rows.map((r) => [r.name, r.mode, r.lastReportDay, r.week, r.rollout.label, r.rollout.status]),
    ).toEqual([
      [
        "a.example",
        "testing",
        day(1),
        { successful: 70, failed: 0, rate: 0 },
        "Live in testing mode",
        "done",
      ],
      [
        "b.example",
        null,
        null,
        { successful: 0, failed: 0, rate: 0 },
        "Step 1 · Check",
        "not-started",
      ],
      [
        "c.example",
        "enforce",
        day(3),
        { successful: 10, failed: 2, rate: 2 / 12 },
        "Step 1 · Check: needs attention",
        "attention",
      ],
    ]);
    // b.example never had a readiness input change: no verdict yet, listed for a refresh.
    expect(rows[1]?.readiness).toBeNull();
    expect(staleIds).toEqual([ids.b]);
  });

  it("shows the stored verdict, the one the Enforce page computes (READY-1..7)", async () => {
    const { rows } = await getDomainList(t.db);
    for (const row of rows.filter((r) => r.name !== "b.example")) {
      const page = await getEnforceState(t.db, row);
      const { ready, met, total, open } = verdictOf(page.readiness);
      expect(row.readiness).toMatchObject({ ready, met, total, open, stale: false });
      expect(row.readiness?.total).toBe(7);
    }
    // c.example: a check without MX results and 2 days of reports in 60: not ready.
    expect(rows[2]?.readiness?.ready).toBe(false);
    expect(rows[2]?.readiness?.open).toEqual(["READY-2", "READY-3", "READY-4", "READY-5"]);
  });

  it("costs the same number of queries for 3 domains as for 30", async () => {
    counting.reset();
    const few = await getDomainList(counting.db);
    const forFew = counting.count();
    expect(few.rows).toHaveLength(3);
    for (let i = 0; i < 27; i++)
      await seedLiveDomain(t.db, actor, `m${String(i).padStart(2, "0")}.example`);
    await settleVerdicts(t.db);
    counting.reset();
    const many = await getDomainList(counting.db);
    expect(many.rows).toHaveLength(30);
    expect(counting.count()).toBe(forFew);
    expect(forFew).toBe(3);
    expect(many.rows.filter((r) => r.rollout.label === "Live in testing mode")).toHaveLength(28);
  });

  it("takes a page and a name filter (issue 16 will use them)", async () => {
    const page = await getDomainList(t.db, { limit: 2, offset: 1 });
    expect(page.rows.map((r) => r.name)).toEqual(["b.example", "c.example"]);
    const found = await getDomainList(t.db, { nameContains: "M0" });
    expect(found.rows.map((r) => r.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `m0${i}.example`),
    );
    // "_" is a literal here, not LIKE's any-character.
    expect((await getDomainList(t.db, { nameContains: "m_" })).rows).toEqual([]);
    const c = await getDomainList(t.db, { nameContains: "c.ex" });
    expect(c.rows.map((r) => [r.name, r.week.failed])).toEqual([["c.example", 2]]);
  });

  it("recomputes the verdicts the list found missing, off the request, once", async () => {
    const before = await getDomainList(t.db);
    expect(before.staleIds).toEqual([ids.b]);
    refreshStaleVerdicts(t.db, before.staleIds);
    refreshStaleVerdicts(t.db, before.staleIds);
    await settleVerdicts(t.db);
    const after = await getDomainList(t.db);
    expect(after.staleIds).toEqual([]);
    const b = after.rows.find((r) => r.id === ids.b);
    // No policy, no check, no reports: not ready; the same count the Enforce page shows.
    expect(b?.readiness).toMatchObject({ ready: false, total: 7, stale: false });
    expect(b?.readiness?.met).toBe(
      verdictOf((await getEnforceState(t.db, { id: ids.b ?? "", name: "b.example" })).readiness)
        .met,
    );
    expect(await t.db.domainVerdict.findUnique({ where: { domainId: ids.b } })).toMatchObject({
      inputsVersion: 1,
      computedVersion: 1,
    });
  });
});
