import { describe, expect, it } from "vitest";
import { createSignInThrottle } from "@/lib/auth/sign-in-throttle";

// The sign-in throttle on PostgreSQL: the buckets live in tables there, so every instance
// serving the database sees the same failures and blocks (real clock, short waits).

describe("sign-in throttle on PostgreSQL", () => {
  it("blocks the 5th failure for 1 s, then 2 s, and a success clears the account", async () => {
    const prefix = `signin_pg_${Date.now().toString(36)}`;
    const one = await createSignInThrottle(prefix);
    const other = await createSignInThrottle(prefix); // a second instance, same tables
    const ada = { email: "ada@example.test", address: "192.0.2.1" };
    for (let i = 0; i < 4; i++) expect(await one.fail(ada)).toBe(0);
    expect(await other.fail(ada)).toBe(1);
    expect(await one.check(ada)).toBe(1);
    expect(await other.check({ email: "bob@example.test", address: ada.address })).toBe(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await one.check(ada)).toBe(0);
    expect(await one.fail(ada)).toBe(2);
    expect(await other.check(ada)).toBe(2);
    await other.succeed(ada);
    expect(await one.check(ada)).toBe(0);
    expect(await one.fail(ada)).toBe(0);
  });
});
