// Issue 16: the audit log pages through every event (id cursor, newest first) with
// filters on action, who and date, on a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../db.test-utils";
import { recordAudit } from "./audit";
import { auditActions, pageAudit, type AuditQuery } from "./audit-page";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  // 250 events: more than the old page's 200. Event i is by ann (even) or bob (odd).
  for (let i = 0; i < 250; i++)
    await recordAudit(t.db, {
      userId: null,
      actor: i % 2 === 0 ? "Ann <ann@example.com>" : "Bob <bob@example.com>",
      action: i % 10 === 0 ? "domain.add" : "policy.save",
      details: { n: i },
    });
  // Event 0..124 on 2026-11-01, 125..249 on 2026-11-02.
  const all = await t.db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  for (const [i, e] of all.entries())
    await t.db.auditEvent.update({
      where: { id: e.id },
      data: { at: new Date(i < 125 ? "2026-11-01T10:00:00Z" : "2026-11-02T10:00:00Z") },
    });
});
afterAll(async () => t.close());

const ns = (events: { details: Record<string, unknown> }[]) => events.map((e) => e.details.n);

async function everything(q: AuditQuery): Promise<{ pages: number; ns: unknown[] }> {
  let after = null;
  const seen: unknown[] = [];
  for (let pages = 1; ; pages++) {
    const page = await pageAudit(t.db, { ...q, after });
    seen.push(...ns(page.events));
    if (page.next === null) return { pages, ns: seen };
    after = page.next;
  }
}

describe("pageAudit (issue 16)", () => {
  it("pages through all 250 events, newest first, none twice", async () => {
    const first = await pageAudit(t.db, {});
    expect(ns(first.events).slice(0, 3)).toEqual([249, 248, 247]);
    expect(first.events).toHaveLength(50);
    const all = await everything({});
    expect(all.pages).toBe(5);
    expect(all.ns).toEqual(Array.from({ length: 250 }, (_, i) => 249 - i));
  });

  it("filters by action, who (part of the actor as recorded) and day, and pages the result", async () => {
    const adds = await everything({ action: "domain.add", take: 10 });
    expect(adds).toEqual({ pages: 3, ns: Array.from({ length: 25 }, (_, i) => 240 - 10 * i) });
    const bobAdds = await pageAudit(t.db, { action: "domain.add", user: "BOB" });
    expect(ns(bobAdds.events)).toEqual([]);
    const annOnDay1 = await everything({ user: "ann@", to: "2026-11-01", take: 20 });
    expect(annOnDay1.pages).toBe(4);
    expect(annOnDay1.ns).toEqual(Array.from({ length: 63 }, (_, i) => 124 - 2 * i));
    expect((await everything({ from: "2026-11-02" })).ns).toHaveLength(125);
    expect(await auditActions(t.db)).toEqual(["domain.add", "policy.save"]);
  });
});
