import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { err, ok, type Result } from "@/lib/core/diagnostic";
import { failure, type Failure } from "@/lib/core/failure";
import { recordAudit } from "@/lib/db/audit/audit";
import type { Db } from "@/lib/db/client";
import type { DbConfig } from "@/lib/db/config";
import { createLimiter } from "@/lib/db/limits/limiter";
import { sourceKey } from "@/lib/http/client-address";
import {
  clearSetupCodes,
  createFirstAdmin,
  isFirstRunOver,
  isSetupCodeHashKnown,
  storeSetupCodeHash,
  type UserRecord,
} from "@/lib/db/users/users";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { hashPassword, passwordRule } from "./password";
import { waitPhrase } from "./sign-in-messages";
import {
  generateSetupCode,
  hashSetupCode,
  removeSetupCodeFile,
  writeSetupCodeFile,
} from "./setup-code";

// First run: the one public way to create a user, so it asks for the setup code that
// only the server's log shows (see setup-code.ts). `npm run user -- add` needs no code:
// whoever runs it already holds the database.

export interface Log {
  warn(msg: string): void;
}

/**
 * At server start: while no user exists, makes a new setup code, stores its hash in place
 * of any earlier start's (only the latest code works), writes the 0600 copy and prints it
 * in the log; once first run is over, forgets every code.
 * Returns the code printed (null when first run is over).
 */
export async function announceSetupCode(
  db: Db,
  config: DbConfig,
  log: Log,
  baseUrl: string,
): Promise<string | null> {
  if (await isFirstRunOver(db)) {
    await clearSetupCodes(db);
    removeSetupCodeFile(config);
    return null;
  }
  const code = generateSetupCode();
  await storeSetupCodeHash(db, hashSetupCode(code));
  writeSetupCodeFile(config, code);
  log.warn(
    `No user exists yet. To create the first admin, open ${baseUrl}/first-run and enter the setup code ${code}`,
  );
  return code;
}

export const WRONG_SETUP_CODE =
  "That setup code is wrong. Enter the code from the server log of its latest start.";
export const tooManySetupCodes = (seconds: number): string =>
  `Too many wrong setup codes. Try again in ${waitPhrase(seconds)}.`;

/** tooManySetupCodes in the "apiErrors" namespace (the same rounding as waitPhrase). */
export function tooManySetupCodesRef(seconds: number): MessageRef {
  const s = Math.max(1, Math.ceil(seconds));
  return s < 60
    ? { key: "setupCodeWaitSeconds", params: { seconds: s } }
    : { key: "setupCodeWaitMinutes", params: { minutes: Math.ceil(s / 60) } };
}

// Every refusal answers 400, as the form shows them alike; the ref is for the user's language.
const refused = (message: string, ref: MessageRef): Failure => failure("invalid", message, ref);

export interface SetupCodeThrottle {
  perAddress: RateLimiterAbstract;
  /** Across all addresses: a client can claim any address, but not get more guesses. */
  overall: RateLimiterAbstract;
}

/** 5 wrong codes per address and 50 overall per 15 minutes; then a 15-minute wait. */
export async function createSetupCodeThrottle(prefix = "setup_code"): Promise<SetupCodeThrottle> {
  const window = { duration: 900, blockDuration: 900 };
  return {
    perAddress: await createLimiter({ keyPrefix: `${prefix}_address`, points: 5, ...window }),
    overall: await createLimiter({ keyPrefix: `${prefix}_overall`, points: 50, ...window }),
  };
}

export interface FirstAdminInput {
  name: string;
  email: string;
  password: string;
  setupCode: string;
  address: string;
}

export async function createFirstAdminWithCode(
  db: Db,
  config: DbConfig,
  throttle: SetupCodeThrottle,
  input: FirstAdminInput,
): Promise<Result<UserRecord, Failure>> {
  const buckets: [RateLimiterAbstract, string][] = [
    // An IPv6 client's whole /64 is one address (as for the public endpoints).
    [throttle.perAddress, sourceKey(input.address)],
    [throttle.overall, "all"],
  ];
  const waits = await Promise.all(buckets.map(([l, key]) => blockedMs(l, key)));
  const wait = Math.max(...waits);
  if (wait > 0)
    return err(refused(tooManySetupCodes(wait / 1000), tooManySetupCodesRef(wait / 1000)));
  if (!(await isSetupCodeHashKnown(db, hashSetupCode(input.setupCode)))) {
    // consume() rejects once a bucket is used up (and starts its block); either way the
    // answer to this attempt is the same.
    await Promise.all(buckets.map(([l, key]) => l.consume(key).catch(() => undefined)));
    return err(refused(WRONG_SETUP_CODE, { key: "wrongSetupCode" }));
  }
  const problem = passwordRule(input.password);
  if (problem) return err(refused(problem.message, problem.ref));
  const created = await createFirstAdmin(db, {
    name: input.name,
    email: input.email,
    passwordHash: await hashPassword(input.password),
  });
  // createFirstAdmin's one refusal: the first admin already exists.
  if (!created.ok) return err(refused(created.error, { key: "firstRunOver" }));
  removeSetupCodeFile(config);
  await recordAudit(db, {
    userId: created.value.id,
    actor: created.value.email,
    action: "user.first-admin",
    details: { address: input.address },
  });
  return ok(created.value);
}

async function blockedMs(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const res = await limiter.get(key);
  if (!res || res.consumedPoints <= limiter.points || res.msBeforeNext <= 0) return 0;
  return res.msBeforeNext;
}

const holder = globalThis as unknown as { __stsSetupCodeThrottle?: Promise<SetupCodeThrottle> };

export function setupCodeThrottle(): Promise<SetupCodeThrottle> {
  holder.__stsSetupCodeThrottle ??= createSetupCodeThrottle().catch((e: unknown) => {
    holder.__stsSetupCodeThrottle = undefined;
    throw e;
  });
  return holder.__stsSetupCodeThrottle;
}
