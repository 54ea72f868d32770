import { recordAudit } from "@/lib/db/audit/audit";
import type { Db } from "@/lib/db/client";
import { findUserForSignIn, type UserRecord } from "@/lib/db/users/users";
import { verifyPassword } from "./password";
import { throttledCode } from "./sign-in-messages";
import type { SignInThrottle } from "./sign-in-throttle";

export type SignInOutcome =
  | { ok: true; user: UserRecord }
  /** "CredentialsSignin" (next-auth's own code) or `throttled:<seconds>`. */
  | { ok: false; error: string };

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client address (see client-address.ts). */
  address: string;
}

// A fixed bcrypt hash compared when the e-mail is unknown, so timing does not tell which
// addresses have accounts.
const DUMMY_HASH = "$2b$12$i1.2/Q6ocyJ93Qva5pF6.uIOiFbiQqoHp4WgCz2U64XzEibZrXQv2";

/**
 * Checks an e-mail and password, throttled per account and per address (see
 * sign-in-throttle.ts). Every failure checked is audit-logged with the e-mail tried and
 * the address; the password never is. Attempts refused while blocked are not checked and
 * not logged one by one (the failure that started the block names its length). Parallel
 * attempts get no more password checks than the same attempts one after another would
 * (SignInThrottle.reserve).
 */
export async function signInWithPassword(
  db: Db,
  throttle: SignInThrottle,
  a: SignInAttempt,
): Promise<SignInOutcome> {
  const keys = { email: a.email, address: a.address };
  const wait = await throttle.reserve(keys);
  if (wait > 0) return { ok: false, error: throttledCode(wait) };
  try {
    return await checkPassword(db, throttle, a);
  } finally {
    await throttle.release(keys);
  }
}

async function checkPassword(
  db: Db,
  throttle: SignInThrottle,
  a: SignInAttempt,
): Promise<SignInOutcome> {
  const keys = { email: a.email, address: a.address };
  // An address no account can have (too long for one, or with control characters, which
  // PostgreSQL text cannot even hold) is not looked up; the dummy hash keeps the timing.
  const user = plausibleEmail(a.email) ? await findUserForSignIn(db, a.email) : null;
  const passwordOk = await verifyPassword(a.password, user?.passwordHash ?? DUMMY_HASH);
  if (user && passwordOk) {
    await throttle.succeed(keys);
    const { passwordHash: _, ...record } = user;
    return { ok: true, user: record };
  }
  const blocked = await throttle.fail(keys);
  await recordAudit(db, {
    // Nobody is signed in: the actor is unknown, the account tried is in the details.
    userId: null,
    actor: "anonymous",
    action: "user.sign-in-failed",
    details: {
      email: printable(a.email.slice(0, 320)),
      address: a.address,
      ...(blocked > 0 ? { blockedForSeconds: blocked } : {}),
    },
  });
  return { ok: false, error: blocked > 0 ? throttledCode(blocked) : "CredentialsSignin" };
}

// RFC 5321: a path is at most 256 octets, so an address is at most 254 characters.
const plausibleEmail = (email: string): boolean =>
  email.length <= 254 && !/[\u0000-\u001f\u007f]/.test(email);

/** Control characters shown as U+FFFD, so the audit log can store and show what was tried. */
const printable = (s: string): string => s.replace(/[\u0000-\u001f\u007f]/g, "\ufffd");
