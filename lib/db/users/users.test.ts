import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../db.test-utils";
import {
  countUsers,
  createFirstAdmin,
  createUser,
  findUserForSignIn,
  listUsers,
  setUserRole,
} from "./users";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

describe("users (data layer)", () => {
  it("creates the first admin once; a second attempt is refused and nothing is stored", async () => {
    expect(await countUsers(t.db)).toBe(0);
    const first = await createFirstAdmin(t.db, {
      email: "Root@Example.com",
      name: "Root",
      passwordHash: "h1",
    });
    expect(first).toMatchObject({ ok: true, value: { email: "root@example.com", role: "admin" } });
    const second = await createFirstAdmin(t.db, {
      email: "x@example.com",
      name: "X",
      passwordHash: "h2",
    });
    expect(second).toEqual({
      ok: false,
      error: "The first admin already exists. Sign in instead.",
    });
    expect(await countUsers(t.db)).toBe(1);
  });

  it("two racing first-run requests create exactly one admin", async () => {
    const other = await openTestDb();
    try {
      const results = await Promise.allSettled(
        [1, 2, 3].map((i) =>
          createFirstAdmin(other.db, { email: `a${i}@example.com`, name: "A", passwordHash: "h" }),
        ),
      );
      const created = results.filter((r) => r.status === "fulfilled" && r.value.ok);
      expect(created).toHaveLength(1);
      expect(await countUsers(other.db)).toBe(1);
    } finally {
      await other.close();
    }
  });

  it("refuses a duplicate email with a message naming it", async () => {
    const r = await createUser(t.db, {
      email: "ROOT@example.com",
      name: "Dup",
      role: "viewer",
      passwordHash: "h",
    });
    expect(r).toEqual({
      ok: false,
      error: {
        kind: "conflict",
        message: "A user with the email ROOT@example.com already exists.",
        ref: { key: "userExists", params: { email: "ROOT@example.com" } },
      },
    });
  });

  it("finds users for sign-in case-insensitively and never lists password hashes", async () => {
    const v = await createUser(t.db, {
      email: "viewer@example.com",
      name: "Vi",
      role: "viewer",
      passwordHash: "hv",
    });
    expect(v.ok).toBe(true);
    expect((await findUserForSignIn(t.db, " VIEWER@example.com "))?.passwordHash).toBe("hv");
    const list = await listUsers(t.db);
    expect(list.map((u) => [u.email, u.role])).toEqual([
      ["root@example.com", "admin"],
      ["viewer@example.com", "viewer"],
    ]);
    expect(JSON.stringify(list)).not.toContain("hv");
  });

  it("keeps at least one admin", async () => {
    const [root] = await listUsers(t.db);
    const r = await setUserRole(t.db, root!.id, "viewer");
    expect(r).toEqual({
      ok: false,
      error: {
        kind: "conflict",
        message: "The last admin cannot be made a viewer.",
        ref: { key: "lastAdminViewer" },
      },
    });
  });
});
