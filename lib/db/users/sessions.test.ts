import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type TestDb } from "../db.test-utils";
import {
  createFirstAdmin,
  createUser,
  findSessionUser,
  listUsers,
  removeUser,
  setUserPassword,
  setUserRole,
  type UserRecord,
} from "./users";
import { MESSAGES } from "@/lib/i18n/messages";

// A session carries the user's sessionVersion from sign-in; findSessionUser is what
// currentUser() asks on every request. Reset, role change and removal end old sessions.

let t: TestDb;
let admin: UserRecord;
let vic: UserRecord;

beforeAll(async () => {
  t = await openTestDb();
  const a = await createFirstAdmin(t.db, {
    email: "root@example.com",
    name: "R",
    passwordHash: "h",
  });
  const v = await createUser(t.db, {
    email: "vic@example.com",
    name: "Vic",
    role: "viewer",
    passwordHash: "h",
  });
  if (!a.ok || !v.ok) throw new Error("seed failed");
  admin = a.value;
  vic = v.value;
});
afterAll(async () => t.close());

describe("session versions end sessions at the next request", () => {
  it("a new user's sessions start at version 0 and stay valid", async () => {
    expect(vic.sessionVersion).toBe(0);
    expect((await findSessionUser(t.db, vic.id, 0))?.email).toBe("vic@example.com");
  });

  it("a password reset ends the sessions signed before it, not those signed after", async () => {
    const r = await setUserPassword(t.db, "VIC@example.com", "h2");
    expect(r.ok && r.value.sessionVersion).toBe(1);
    expect(await findSessionUser(t.db, vic.id, 0)).toBeNull();
    expect((await findSessionUser(t.db, vic.id, 1))?.email).toBe("vic@example.com");
  });

  it("a reset for an unknown e-mail is refused with its apiErrors message (issue 16 §6)", async () => {
    const r = await setUserPassword(t.db, "nobody@example.com", "h3");
    expect(r.ok ? null : r.error).toEqual({
      kind: "not-found",
      message: "No user with the email nobody@example.com.",
      ref: { key: "noUserWithEmail", params: { email: "nobody@example.com" } },
    });
    const de = createTranslator({ locale: "de", messages: MESSAGES.de, namespace: "apiErrors" });
    expect(de("noUserWithEmail", { email: "nobody@example.com" })).toBe(
      "Es gibt keinen Benutzer mit der E-Mail-Adresse nobody@example.com.",
    );
  });

  it("a role change ends the sessions; setting the same role again does not", async () => {
    const same = await setUserRole(t.db, vic.id, "viewer");
    expect(same.ok && same.value.sessionVersion).toBe(1);
    expect(await findSessionUser(t.db, vic.id, 1)).not.toBeNull();
    const up = await setUserRole(t.db, vic.id, "admin");
    expect(up.ok && up.value.sessionVersion).toBe(2);
    expect(await findSessionUser(t.db, vic.id, 1)).toBeNull();
    expect((await findSessionUser(t.db, vic.id, 2))?.role).toBe("admin");
  });

  it("a refused role change leaves the sessions alone", async () => {
    await setUserRole(t.db, vic.id, "viewer");
    const r = await setUserRole(t.db, admin.id, "viewer");
    expect(r).toEqual({
      ok: false,
      error: {
        kind: "conflict",
        message: "The last admin cannot be made a viewer.",
        ref: { key: "lastAdminViewer" },
      },
    });
    expect(await findSessionUser(t.db, admin.id, 0)).not.toBeNull();
  });

  it("removal: never yourself, never the last admin; a removed user's session is over", async () => {
    expect(await removeUser(t.db, { userId: admin.id }, admin.id)).toEqual({
      ok: false,
      error: {
        kind: "forbidden",
        message: "You cannot remove yourself. Ask another admin.",
        ref: { key: "removeSelf" },
      },
    });
    expect(await removeUser(t.db, { userId: vic.id }, admin.id)).toEqual({
      ok: false,
      error: {
        kind: "conflict",
        message: "The last admin cannot be removed.",
        ref: { key: "lastAdminRemove" },
      },
    });
    const removed = await removeUser(t.db, { userId: admin.id }, vic.id);
    expect(removed.ok && removed.value.email).toBe("vic@example.com");
    expect(await findSessionUser(t.db, vic.id, 3)).toBeNull();
    expect((await listUsers(t.db)).map((u) => u.email)).toEqual(["root@example.com"]);
    expect(await removeUser(t.db, { userId: admin.id }, vic.id)).toEqual({
      ok: false,
      error: {
        kind: "not-found",
        message: "That user no longer exists.",
        ref: { key: "userGone" },
      },
    });
  });
});
