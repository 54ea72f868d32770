import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signInErrorMessage, throttleMessage, waitPhrase } from "./sign-in-messages";
import {
  ACCOUNT_BACK_OFF,
  ADDRESS_BACK_OFF,
  createSignInThrottle,
  waitAfterFailures,
  type SignInThrottle,
} from "./sign-in-throttle";

// The memory limiters (SQLite) read Date.now() and expire keys with setTimeout, so fake
// timers are a controllable clock for them.

describe("waitAfterFailures: growing back-off", () => {
  it.each([
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [13, 256],
    [14, 512],
    [15, 900],
    [1000, 900],
  ])("per account: %i failures -> wait %i s", (failures, wait) => {
    expect(waitAfterFailures(failures, ACCOUNT_BACK_OFF)).toBe(wait);
  });

  it("per address: 19 failures are free, the 20th waits 1 s", () => {
    expect(waitAfterFailures(19, ADDRESS_BACK_OFF)).toBe(0);
    expect(waitAfterFailures(20, ADDRESS_BACK_OFF)).toBe(1);
  });
});

describe("sign-in messages", () => {
  it.each([
    [1, "Too many failed sign-ins. Try again in 1 second."],
    [2, "Too many failed sign-ins. Try again in 2 seconds."],
    [59, "Too many failed sign-ins. Try again in 59 seconds."],
    [60, "Too many failed sign-ins. Try again in 1 minute."],
    [61, "Too many failed sign-ins. Try again in 2 minutes."],
    [240, "Too many failed sign-ins. Try again in 4 minutes."],
    [900, "Too many failed sign-ins. Try again in 15 minutes."],
  ])("%i s -> %s", (seconds, message) => {
    expect(throttleMessage(seconds)).toBe(message);
  });

  it("maps next-auth's error codes; anything else gets a generic message", () => {
    expect(signInErrorMessage("throttled:240")).toBe(
      "Too many failed sign-ins. Try again in 4 minutes.",
    );
    expect(signInErrorMessage("CredentialsSignin")).toBe("Wrong email or password.");
    expect(signInErrorMessage("Error: connect ECONNREFUSED")).toBe(
      "Signing in failed. Try again in a moment.",
    );
    expect(waitPhrase(0.2)).toBe("1 second");
  });
});

describe("createSignInThrottle (memory limiter, controlled clock)", () => {
  let t: SignInThrottle;
  const ada = { email: "ada@example.test", address: "192.0.2.1" };
  let prefix = 0;

  beforeEach(async () => {
    vi.useFakeTimers({ now: new Date("2026-11-30T12:00:00Z") });
    t = await createSignInThrottle(`t${++prefix}`);
  });
  afterEach(() => vi.useRealTimers());

  async function failTimes(n: number, keys = ada): Promise<number[]> {
    const waits: number[] = [];
    for (let i = 0; i < n; i++) waits.push(await t.fail(keys));
    return waits;
  }

  it("5 failures on one account block it for 1 s, then 2 s, 4 s ... capped at 15 minutes", async () => {
    expect(await failTimes(4)).toEqual([0, 0, 0, 0]);
    expect(await t.check(ada)).toBe(0);
    expect(await t.fail(ada)).toBe(1);
    expect(await t.check(ada)).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(await t.check(ada)).toBe(0);
    expect(await t.fail(ada)).toBe(2);
    vi.advanceTimersByTime(1999);
    expect(await t.check(ada)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await t.check(ada)).toBe(0);
    expect(await failTimes(8)).toEqual([4, 8, 16, 32, 64, 128, 256, 512]);
    expect(await t.fail(ada)).toBe(900);
    expect(await t.check(ada)).toBe(900);
    vi.advanceTimersByTime(4 * 60 * 1000);
    expect(throttleMessage(await t.check(ada))).toBe(
      "Too many failed sign-ins. Try again in 11 minutes.",
    );
  });

  it("the account is blocked from every address; other accounts on that address are not", async () => {
    await failTimes(5);
    expect(await t.check({ email: " ADA@example.test", address: "198.51.100.7" })).toBe(1);
    expect(await t.check({ email: "bob@example.test", address: ada.address })).toBe(0);
  });

  it("an address is blocked after 20 failures over any accounts", async () => {
    for (let i = 0; i < 19; i++) {
      expect(await t.fail({ email: `u${i}@example.test`, address: "203.0.113.5" })).toBe(0);
    }
    expect(await t.fail({ email: "u19@example.test", address: "203.0.113.5" })).toBe(1);
    expect(await t.check({ email: "new@example.test", address: "203.0.113.5" })).toBe(1);
    expect(await t.check({ email: "new@example.test", address: "203.0.113.6" })).toBe(0);
  });

  it("IPv6: addresses in one /64 are one address and share its block; the next /64 is free", async () => {
    for (let i = 0; i < 19; i++) {
      expect(await t.fail({ email: `v${i}@example.test`, address: `2001:db8:1:2::${i + 1}` })).toBe(
        0,
      );
    }
    expect(await t.fail({ email: "v19@example.test", address: "2001:db8:1:2:aaaa::1" })).toBe(1);
    const from = (address: string) => t.check({ email: "new@example.test", address });
    expect(await from("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(1);
    expect(await from("2001:db8:1:3::1")).toBe(0);
  });

  it("a success clears the account's failures; failures older than a day are forgotten", async () => {
    await failTimes(4);
    await t.succeed(ada);
    expect(await failTimes(4)).toEqual([0, 0, 0, 0]);
    vi.advanceTimersByTime(24 * 60 * 60 * 1000);
    expect(await failTimes(4)).toEqual([0, 0, 0, 0]);
    expect(await t.fail(ada)).toBe(1);
  });
});
