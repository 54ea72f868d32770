// Issue 16: the domain list's search, filters (step, mode, readiness), natural sort and
// paging, on a real SQLite database, with the exact rows each combination returns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPolicyVersion } from "../policies/policies";
import { settleVerdicts } from "../readiness/verdict-queue";
import { VERDICT_RULES_VERSION } from "../readiness/verdict";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { getDomainList, type DomainListQuery } from "./domain-list";
import { countingDb, seedCheck, seedLiveDomain, type CountingDb } from "./domain-list.test-utils";

let t: TestDb;
let counting: CountingDb;
const ids: Record<string, string> = {};

const names = async (q: DomainListQuery) => (await getDomainList(t.db, q)).rows.map((r) => r.name);

beforeAll(async () => {
  t = await openTestDb();
  counting = countingDb(t.config);
  const actor = await createTestActor(t.db);
  const plain = async (name: string) =>
    (await t.db.domain.create({ data: { name, displayName: name } })).id;
  // Step 4 done (live, testing): d1 and d10.
  ids.d1 = await seedLiveDomain(t.db, actor, "d1.example");
  ids.d10 = await seedLiveDomain(t.db, actor, "d10.example");
  // Nothing yet (step 1, no policy, never evaluated): d2, d3, zz9.
  ids.d2 = await plain("d2.example");
  ids.d3 = await plain("d3.example");
  ids.zz9 = await plain("zz9.example");
  // A clean check, no policy (step 2): d20.
  ids.d20 = await plain("d20.example");
  await seedCheck(t.db, ids.d20, 0);
  // A clean check and an enforce policy not yet verified as served (step 3): d100.
  ids.d100 = await plain("d100.example");
  await seedCheck(t.db, ids.d100, 0);
  const p = await createPolicyVersion(
    t.db,
    ids.d100,
    { mode: "enforce", maxAge: 604800, mx: ["mx.d100.example"] },
    "create",
    actor,
  );
  if (!p.ok) throw new Error(p.error);
  await settleVerdicts(t.db);
  // d10's stored verdict says ready (as a recomputation would store it for a ready domain).
  await t.db.domainVerdict.update({
    where: { domainId: ids.d10 },
    data: { ready: true, metCount: 7, total: 7, unmet: "[]", rulesVersion: VERDICT_RULES_VERSION },
  });
});

afterAll(async () => {
  await counting.close();
  await t.close();
});

describe("getDomainList: search, filters, natural sort, paging (issue 16)", () => {
  it("sorts names naturally: d1, d2, d3, d10, d20, d100 (Intl.Collator numeric)", async () => {
    expect(await names({})).toEqual([
      "d1.example",
      "d2.example",
      "d3.example",
      "d10.example",
      "d20.example",
      "d100.example",
      "zz9.example",
    ]);
  });

  it("pages in natural order, with the total of every page together", async () => {
    const second = await getDomainList(t.db, { limit: 3, offset: 3 });
    expect(second.rows.map((r) => r.name)).toEqual(["d10.example", "d20.example", "d100.example"]);
    expect(second.total).toBe(7);
    const last = await getDomainList(t.db, { limit: 3, offset: 6 });
    expect(last.rows.map((r) => r.name)).toEqual(["zz9.example"]);
    const past = await getDomainList(t.db, { limit: 3, offset: 9 });
    expect([past.rows, past.total]).toEqual([[], 7]);
  });

  it("searches the name, case-insensitively, with LIKE's wildcards taken literally", async () => {
    expect(await names({ nameContains: "D1" })).toEqual([
      "d1.example",
      "d10.example",
      "d100.example",
    ]);
    expect(await names({ nameContains: "%" })).toEqual([]);
    expect(await names({ nameContains: "d_" })).toEqual([]);
  });

  it("filters by mode in SQL: the served (newest) version's mode, or no policy", async () => {
    expect(await names({ mode: "testing" })).toEqual(["d1.example", "d10.example"]);
    expect(await names({ mode: "enforce" })).toEqual(["d100.example"]);
    expect(await names({ mode: "none" })).toEqual([]);
    expect(await names({ mode: "no-policy", limit: 50 })).toEqual([
      "d2.example",
      "d3.example",
      "d20.example",
      "zz9.example",
    ]);
  });

  it("filters by the stored readiness verdict (READY-1..7)", async () => {
    expect(await names({ readiness: "ready", limit: 50 })).toEqual(["d10.example"]);
    expect(await names({ readiness: "not-ready", limit: 50 })).toEqual([
      "d1.example",
      "d20.example",
      "d100.example",
    ]);
    expect(await names({ readiness: "unknown", limit: 50 })).toEqual([
      "d2.example",
      "d3.example",
      "zz9.example",
    ]);
  });

  it("filters by the first open rollout step, and pages the result", async () => {
    expect(await names({ step: "check" })).toEqual(["d2.example", "d3.example", "zz9.example"]);
    expect(await names({ step: "policy" })).toEqual(["d20.example"]);
    expect(await names({ step: "publish" })).toEqual(["d100.example"]);
    expect(await names({ step: "dns" })).toEqual([]);
    expect(await names({ step: "live" })).toEqual(["d1.example", "d10.example"]);
    const page = await getDomainList(t.db, { step: "check", limit: 2, offset: 2 });
    expect([page.rows.map((r) => [r.name, r.rollout.label]), page.total]).toEqual([
      [["zz9.example", "Step 1 · Check"]],
      3,
    ]);
  });

  it("combines search and filters", async () => {
    expect(await names({ nameContains: "d1", mode: "testing", readiness: "not-ready" })).toEqual([
      "d1.example",
    ]);
    expect(await names({ nameContains: "d", step: "check", limit: 1, offset: 1 })).toEqual([
      "d3.example",
    ]);
  });

  it("reads a page in four queries, and only the page's stale verdicts are queued", async () => {
    counting.reset();
    const page = await getDomainList(counting.db, { limit: 2, offset: 1 });
    expect(counting.count()).toBe(4);
    expect(page.rows.map((r) => r.name)).toEqual(["d2.example", "d3.example"]);
    expect(page.staleIds).toEqual([ids.d2, ids.d3]);
  });
});
