// Issue 13 on PostgreSQL (npm run test:pg): the list's raw SQL (correlated subqueries,
// LIKE … ESCAPE, || in the join, LIMIT inside IN) as PostgreSQL reads it, SUM answered as
// bigint past 2^31 read back as exact numbers, and the same constant query count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleVerdicts } from "../readiness/verdict-queue";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import type { Actor } from "./domains";
import { getDomainList } from "./domain-list";
import {
  countingDb,
  day,
  seedLiveDomain,
  seedRollups,
  type CountingDb,
} from "./domain-list.test-utils";

let t: TestDb;
let counting: CountingDb;
let actor: Actor;

beforeAll(async () => {
  t = await openTestDb();
  counting = countingDb(t.config);
  actor = await createTestActor(t.db);
});

afterAll(async () => {
  await counting.close();
  await t.close();
});

describe("getDomainList on PostgreSQL (issue 13)", () => {
  it("runs on PostgreSQL, not SQLite", () => {
    expect(t.config.provider).toBe("postgresql");
  });

  it("exact sums past 2^31, a page, a filter and three queries for 12 domains", async () => {
    const big = await seedLiveDomain(t.db, actor, "big.example");
    await seedRollups(t.db, big, [
      { day: day(2), resultType: "failure", sessions: 2_000_000_000, reporterKey: "a.example" },
      { day: day(2), resultType: "failure", sessions: 2_000_000_000, reporterKey: "b.example" },
    ]);
    for (let i = 0; i < 11; i++)
      await seedLiveDomain(t.db, actor, `d${String(i).padStart(2, "0")}.example`);
    await settleVerdicts(t.db);
    counting.reset();
    const all = await getDomainList(counting.db);
    expect(counting.count()).toBe(3);
    expect(all.rows).toHaveLength(12);
    expect(all.staleIds).toEqual([]);
    const row = all.rows.find((r) => r.name === "big.example");
    expect(row?.week).toEqual({
      successful: 70,
      failed: 4_000_000_000,
      rate: 4_000_000_000 / 4_000_000_070,
    });
    expect(row?.lastReportDay).toBe(day(1));
    expect(row?.readiness).toMatchObject({ total: 7, stale: false });
    const page = await getDomainList(t.db, { nameContains: "D0", limit: 3, offset: 2 });
    expect(page.rows.map((r) => [r.name, r.mode, r.rollout.label])).toEqual([
      ["d02.example", "testing", "Live in testing mode"],
      ["d03.example", "testing", "Live in testing mode"],
      ["d04.example", "testing", "Live in testing mode"],
    ]);
  });
});
