import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { listAudit } from "@/lib/db/audit/audit";
import { openTestDb, type TestDb } from "@/lib/db/db.test-utils";
import { createUser, findSessionUser, setUserPassword } from "@/lib/db/users/users";
import { hashPassword } from "./password";
import { signInErrorMessage } from "./sign-in-messages";
import { signInWithPassword } from "./sign-in";
import { createSignInThrottle, type SignInThrottle } from "./sign-in-throttle";

let t: TestDb;
let throttle: SignInThrottle;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  t = await openTestDb();
  throttle = await createSignInThrottle("signin_usecase");
  const u = await createUser(t.db, {
    email: "ada@example.test",
    name: "Ada",
    role: "admin",
    passwordHash: await hashPassword(PASSWORD),
  });
  if (!u.ok) throw new Error(u.error.message);
});
afterAll(async () => t.close());
afterEach(() => vi.useRealTimers());

const attempt = (password: string, email = "ada@example.test", address = "192.0.2.10") =>
  signInWithPassword(t.db, throttle, { email, password, address });

describe("signInWithPassword", () => {
  it("signs in with the right password and hands out the user's session version", async () => {
    const r = await attempt(PASSWORD, " ADA@example.test ");
    expect(r.ok && [r.user.email, r.user.sessionVersion]).toEqual(["ada@example.test", 0]);
    expect(JSON.stringify(r)).not.toContain("$2");
  });

  it("audit-logs a failure with the e-mail tried and the address, never the password", async () => {
    expect(await attempt("wrong password 1")).toEqual({ ok: false, error: "CredentialsSignin" });
    expect(await attempt("wrong password 2", "nobody@example.test")).toEqual({
      ok: false,
      error: "CredentialsSignin",
    });
    const events = await listAudit(t.db, { limit: 2 });
    expect(events.map((e) => [e.actor, e.action, e.details])).toEqual([
      ["anonymous", "user.sign-in-failed", { email: "nobody@example.test", address: "192.0.2.10" }],
      ["anonymous", "user.sign-in-failed", { email: "ada@example.test", address: "192.0.2.10" }],
    ]);
    expect(JSON.stringify(events)).not.toContain("wrong password");
  });

  it("the 5th failure in a row blocks the account; even the right password waits", async () => {
    // Only Date is faked: the memory limiter's clock, not the password workers' timers.
    vi.useFakeTimers({ toFake: ["Date"] });
    await attempt(PASSWORD); // a success clears the count from the test above
    for (let i = 0; i < 4; i++) expect((await attempt(`wrong ${i}`)).ok).toBe(false);
    const fifth = await attempt("wrong 4");
    expect(fifth).toEqual({ ok: false, error: "throttled:1" });
    expect(signInErrorMessage(fifth.ok ? "" : fifth.error)).toBe(
      "Too many failed sign-ins. Try again in 1 second.",
    );
    expect(await attempt(PASSWORD)).toEqual({ ok: false, error: "throttled:1" });
    const [last] = await listAudit(t.db, { limit: 1 });
    expect(last?.details).toEqual({
      email: "ada@example.test",
      address: "192.0.2.10",
      blockedForSeconds: 1,
    });
    vi.setSystemTime(Date.now() + 999);
    expect(await attempt(PASSWORD)).toEqual({ ok: false, error: "throttled:1" });
    vi.setSystemTime(Date.now() + 1);
    expect((await attempt(PASSWORD)).ok).toBe(true);
  });

  it("a password reset ends the session signed with the old version", async () => {
    const before = await attempt(PASSWORD);
    if (!before.ok) throw new Error("sign-in failed");
    const v = before.user.sessionVersion;
    expect(await findSessionUser(t.db, before.user.id, v)).not.toBeNull();
    await setUserPassword(t.db, "ada@example.test", await hashPassword("a new password!"));
    expect(await findSessionUser(t.db, before.user.id, v)).toBeNull();
    expect(await attempt(PASSWORD)).toEqual({ ok: false, error: "CredentialsSignin" });
    const after = await attempt("a new password!");
    expect(after.ok && after.user.sessionVersion).toBe(v + 1);
  });

  it("20 parallel wrong passwords for one account get 5 password checks, not 20", async () => {
    const email = "burst@example.test";
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(`wrong ${i}`, email, `192.0.2.${100 + i}`)),
    );
    const audited = (await listAudit(t.db, { limit: 100 })).filter(
      (e) => e.details.email === email,
    );
    // Each checked failure is audit-logged once; the rest were refused unchecked.
    expect(audited).toHaveLength(5);
    expect(outcomes.filter((o) => !o.ok && o.error === "throttled:1")).toHaveLength(16);
  });
});
