import { createHash } from "node:crypto";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { createLimiter } from "@/lib/db/limits/limiter";
import { sourceKey } from "@/lib/http/client-address";

// Sign-in throttling, per account (the e-mail typed) and per client address.
//
// How the back-off grows: a counter limiter counts failed sign-ins per key over a day (a
// success clears the account's count, not the address's). Once a key has `free`
// failures, each further failure blocks that key for 1 s, 2 s, 4 s, ... doubling, capped
// at 15 minutes, in a second limiter whose entries are only ever set with block(). While
// either key of an attempt is blocked the password is not even checked.
// Both limiters come from createLimiter: in memory on SQLite, shared on PostgreSQL.
//
// Parallel attempts: a password check takes ~250 ms, so a burst of attempts would all pass
// check() before the first failure is counted. reserve() therefore also counts attempts in
// progress per key (a third limiter): while a key has f failures, at most max(1, free - f)
// attempts may be checked at once, so a burst gets no more checks than a sequence would.
// Addresses are keyed by sourceKey(): an IPv6 client's whole /64 is one address.

export interface BackOff {
  /** Failures allowed before the first wait. */
  free: number;
  firstWaitSeconds: number;
  maxWaitSeconds: number;
}

export const ACCOUNT_BACK_OFF: BackOff = { free: 5, firstWaitSeconds: 1, maxWaitSeconds: 900 };
// An address may be shared by many people (an office NAT), so it gets more room.
export const ADDRESS_BACK_OFF: BackOff = { free: 20, firstWaitSeconds: 1, maxWaitSeconds: 900 };

const COUNT_WINDOW_SECONDS = 24 * 60 * 60;

/** Seconds to wait after `failures` failures in a row (0 while below the free allowance). */
export function waitAfterFailures(failures: number, b: BackOff): number {
  if (failures < b.free) return 0;
  const doublings = Math.min(failures - b.free, 30);
  return Math.min(b.firstWaitSeconds * 2 ** doublings, b.maxWaitSeconds);
}

export interface ThrottleKeys {
  /** The e-mail address as typed (normalised here). */
  email: string;
  address: string;
}

export interface SignInThrottle {
  /** Seconds the attempt must wait (0: go ahead). */
  check(keys: ThrottleKeys): Promise<number>;
  /** Counts a failure; returns the seconds of the block it starts (0: none yet). */
  fail(keys: ThrottleKeys): Promise<number>;
  /** A successful sign-in clears the account's failures. */
  succeed(keys: ThrottleKeys): Promise<void>;
  /**
   * check(), and a slot among the attempts in progress: 0 when the password may be
   * checked (then call release() once the attempt is counted), else seconds to wait.
   */
  reserve(keys: ThrottleKeys): Promise<number>;
  /** Gives back the slot reserve() took. */
  release(keys: ThrottleKeys): Promise<void>;
}

/** A reserved slot that is never released (a crash mid-attempt) is freed after this. */
const PENDING_SECONDS = 30;

// Hashed: an e-mail as typed can be any length and hold any character, and the limiter's
// PostgreSQL table keeps keys of at most 255 characters of valid text.
const accountKey = (email: string): string =>
  `a:${createHash("sha256").update(email.trim().toLowerCase()).digest("base64url")}`;
const addressKey = (address: string): string => `ip:${sourceKey(address).slice(0, 64)}`;

export async function createSignInThrottle(prefix = "signin"): Promise<SignInThrottle> {
  const counts = await createLimiter({
    keyPrefix: `${prefix}_failures`,
    points: 1_000_000,
    duration: COUNT_WINDOW_SECONDS,
  });
  const blocks = await createLimiter({ keyPrefix: `${prefix}_blocks`, points: 1, duration: 1 });
  const pending = await createLimiter({
    keyPrefix: `${prefix}_pending`,
    points: 1_000_000,
    duration: PENDING_SECONDS,
  });
  const pairs = (k: ThrottleKeys): [string, BackOff][] => [
    [accountKey(k.email), ACCOUNT_BACK_OFF],
    [addressKey(k.address), ADDRESS_BACK_OFF],
  ];
  const check = async (k: ThrottleKeys): Promise<number> => {
    const waits = await Promise.all(pairs(k).map(([key]) => blockedFor(blocks, key)));
    return Math.max(...waits);
  };
  const release = async (k: ThrottleKeys): Promise<void> => {
    await Promise.all(pairs(k).map(([key]) => pending.reward(key, 1)));
  };
  return {
    check,
    release,
    async reserve(k) {
      const wait = await check(k);
      if (wait > 0) return wait;
      const fits = await Promise.all(
        pairs(k).map(async ([key, backOff]) => {
          const [inProgress, failures] = await Promise.all([
            pending.penalty(key, 1),
            counts.get(key),
          ]);
          const room = Math.max(1, backOff.free - (failures?.consumedPoints ?? 0));
          return inProgress.consumedPoints <= room;
        }),
      );
      if (fits.every(Boolean)) return 0;
      // Others are being checked right now; their outcome decides: ask again in a second.
      await release(k);
      return 1;
    },
    async fail(k) {
      const waits = await Promise.all(
        pairs(k).map(async ([key, backOff]) => {
          const res = await counts.penalty(key, 1);
          const wait = waitAfterFailures(res.consumedPoints, backOff);
          if (wait > 0) await blocks.block(key, wait);
          return wait;
        }),
      );
      return Math.max(...waits);
    },
    async succeed(k) {
      const key = accountKey(k.email);
      await Promise.all([counts.delete(key), blocks.delete(key)]);
    },
  };
}

async function blockedFor(blocks: RateLimiterAbstract, key: string): Promise<number> {
  const res = await blocks.get(key);
  if (!res || res.consumedPoints <= 1 || res.msBeforeNext <= 0) return 0;
  return Math.ceil(res.msBeforeNext / 1000);
}

const holder = globalThis as unknown as { __stsSignInThrottle?: Promise<SignInThrottle> };

/** The process-wide throttle (one per process, however many bundles import this). */
export function signInThrottle(): Promise<SignInThrottle> {
  holder.__stsSignInThrottle ??= createSignInThrottle().catch((e: unknown) => {
    holder.__stsSignInThrottle = undefined;
    throw e;
  });
  return holder.__stsSignInThrottle;
}
