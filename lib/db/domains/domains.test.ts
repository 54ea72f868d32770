import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { listAudit } from "../audit/audit";
import { addDomain, listDomains, removeDomain, type Actor } from "./domains";

let t: TestDb;
let actor: Actor;
beforeAll(async () => {
  t = await openTestDb();
  actor = await createTestActor(t.db);
});
afterAll(async () => t.close());

describe("domains (data layer)", () => {
  it("adds, refuses a duplicate, removes, and audits each change", async () => {
    const a = await addDomain(
      t.db,
      { name: "xn--mnchen-3ya.example", displayName: "münchen.example" },
      actor,
    );
    expect(a.ok).toBe(true);
    const dup = await addDomain(
      t.db,
      { name: "xn--mnchen-3ya.example", displayName: "münchen.example" },
      actor,
    );
    expect(dup).toEqual({ ok: false, error: "münchen.example is already on the list." });
    expect((await listDomains(t.db)).map((d) => d.name)).toEqual(["xn--mnchen-3ya.example"]);
    if (!a.ok) return;
    await t.db.setting.create({ data: { key: `verify:${a.value.id}:dns`, value: "{}" } });
    expect((await removeDomain(t.db, a.value.id, actor)).ok).toBe(true);
    expect(await t.db.setting.count({ where: { key: { startsWith: "verify:" } } })).toBe(0);
    expect(await listDomains(t.db)).toEqual([]);
    const audit = await listAudit(t.db);
    expect(audit.map((e) => [e.action, e.actor, e.details.name])).toEqual([
      ["domain.remove", "a@example.com", "xn--mnchen-3ya.example"],
      ["domain.add", "a@example.com", "xn--mnchen-3ya.example"],
    ]);
  });
});
