import type { Db } from "../client";
import { isUniqueViolation } from "../errors";
import { err, ok, type Result } from "@/lib/core/diagnostic";
import { failure, type Failure } from "@/lib/core/failure";
import { apiFailure } from "@/lib/i18n/api-failure";
import { isLocale, type Locale } from "@/lib/i18n/locale";

export type Role = "admin" | "viewer";
export const ROLES: readonly Role[] = ["admin", "viewer"];

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Signed into the session at sign-in; bumped to end every open session of this user. */
  sessionVersion: number;
  /** The UI language the user chose; null = follow the browser (issue 16 §6). */
  locale: Locale | null;
  createdAt: Date;
}

interface Row {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
  locale: string | null;
  createdAt: Date;
}

const toUser = (r: Row): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role === "admin" ? "admin" : "viewer",
  sessionVersion: r.sessionVersion,
  locale: isLocale(r.locale) ? r.locale : null,
  createdAt: r.createdAt,
});

const select = {
  id: true,
  email: true,
  name: true,
  role: true,
  sessionVersion: true,
  locale: true,
  createdAt: true,
} as const;

/** Ends every open session of the user at its next request (see findSessionUser). */
const endSessions = { sessionVersion: { increment: 1 } } as const;

export async function countUsers(db: Db): Promise<number> {
  return db.user.count();
}

export async function listUsers(db: Db): Promise<UserRecord[]> {
  return (await db.user.findMany({ select, orderBy: { createdAt: "asc" } })).map(toUser);
}

export async function findUserForSignIn(
  db: Db,
  email: string,
): Promise<(UserRecord & { passwordHash: string }) | null> {
  const r = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  return r ? { ...toUser(r), passwordHash: r.passwordHash } : null;
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | null> {
  const r = await db.user.findUnique({ where: { id }, select });
  return r ? toUser(r) : null;
}

/**
 * The user a session belongs to, or null when the session is over: the user was removed,
 * or their password or role changed after the session was signed (its version is older).
 */
export async function findSessionUser(
  db: Db,
  id: string,
  sessionVersion: number,
): Promise<UserRecord | null> {
  const user = await findUserById(db, id);
  return user && user.sessionVersion === sessionVersion ? user : null;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

/** "apiErrors" key of "That user no longer exists." (issue 16 §6). */
export const USER_GONE = { key: "userGone" };

export async function createUser(db: Db, u: NewUser): Promise<Result<UserRecord, Failure>> {
  try {
    const r = await db.user.create({
      data: { ...u, email: u.email.trim().toLowerCase() },
      select,
    });
    return ok(toUser(r));
  } catch (e) {
    if (isUniqueViolation(e))
      return err(
        failure("conflict", `A user with the email ${u.email} already exists.`, {
          key: "userExists",
          params: { email: u.email },
        }),
      );
    throw e;
  }
}

const FIRST_RUN_DONE = "first-run-done";
/** Setting key `setup-code:<sha-256 of a setup code>`: the latest server start's, during first run. */
const SETUP_CODE_PREFIX = "setup-code:";

/**
 * Stores a first-run setup code's hash (never the code) in place of any earlier one, so
 * only the latest start's code works; see lib/auth/setup-code.ts.
 */
export async function storeSetupCodeHash(db: Db, hash: string): Promise<void> {
  const key = SETUP_CODE_PREFIX + hash;
  const value = new Date().toISOString();
  await db.$transaction([
    db.setting.deleteMany({ where: { key: { startsWith: SETUP_CODE_PREFIX } } }),
    db.setting.create({ data: { key, value } }),
  ]);
}

export async function isSetupCodeHashKnown(db: Db, hash: string): Promise<boolean> {
  return (await db.setting.count({ where: { key: SETUP_CODE_PREFIX + hash } })) > 0;
}

/** Forgets every setup code (first run is over: the first admin exists). */
export async function clearSetupCodes(db: Db): Promise<void> {
  await db.setting.deleteMany({ where: { key: { startsWith: SETUP_CODE_PREFIX } } });
}
const FIRST_RUN_OVER = "The first admin already exists. Sign in instead.";

/** True once first run is over: the first-run page is then gone for good. */
export async function isFirstRunOver(db: Db): Promise<boolean> {
  return (
    (await db.setting.count({ where: { key: FIRST_RUN_DONE } })) > 0 || (await db.user.count()) > 0
  );
}

/**
 * First run: creates the admin only while no user exists. The marker row's primary key
 * makes racing requests (on either engine, at any isolation level) create exactly one.
 */
export async function createFirstAdmin(
  db: Db,
  u: Omit<NewUser, "role">,
): Promise<Result<UserRecord>> {
  if (await isFirstRunOver(db)) return err(FIRST_RUN_OVER);
  try {
    return await db.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: FIRST_RUN_DONE, value: new Date().toISOString() } });
      await tx.setting.deleteMany({ where: { key: { startsWith: SETUP_CODE_PREFIX } } });
      const r = await tx.user.create({
        data: { ...u, email: u.email.trim().toLowerCase(), role: "admin" },
        select,
      });
      return ok(toUser(r));
    });
  } catch (e) {
    if (isUniqueViolation(e)) return err(FIRST_RUN_OVER);
    throw e;
  }
}

export async function setUserRole(
  db: Db,
  id: string,
  role: Role,
): Promise<Result<UserRecord, Failure>> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select });
    if (!user) return err(failure("not-found", "That user no longer exists.", USER_GONE));
    if (user.role === "admin" && role !== "admin") {
      const admins = await tx.user.count({ where: { role: "admin" } });
      if (admins <= 1)
        return err(
          failure("conflict", "The last admin cannot be made a viewer.", {
            key: "lastAdminViewer",
          }),
        );
    }
    if (user.role === role) return ok(toUser(user));
    return ok(
      toUser(await tx.user.update({ where: { id }, data: { role, ...endSessions }, select })),
    );
  });
}

export async function setUserPassword(
  db: Db,
  email: string,
  passwordHash: string,
): Promise<Result<UserRecord, Failure>> {
  const r = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  // The CLI's refusal; the API reaches it only when a user is removed during a reset.
  if (!r) return err(apiFailure("not-found", "noUserWithEmail", { email }));
  const data = { passwordHash, ...endSessions };
  return ok(toUser(await db.user.update({ where: { id: r.id }, data, select })));
}

/** Removes a user; never yourself, never the last admin. Their audit events stay. */
export async function removeUser(
  db: Db,
  by: { userId: string },
  id: string,
): Promise<Result<UserRecord, Failure>> {
  if (by.userId === id)
    return err(
      failure("forbidden", "You cannot remove yourself. Ask another admin.", {
        key: "removeSelf",
      }),
    );
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select });
    if (!user) return err(failure("not-found", "That user no longer exists.", USER_GONE));
    if (user.role === "admin" && (await tx.user.count({ where: { role: "admin" } })) <= 1)
      return err(
        failure("conflict", "The last admin cannot be removed.", { key: "lastAdminRemove" }),
      );
    await tx.user.delete({ where: { id } });
    return ok(toUser(user));
  });
}

/** The user's own language setting (issue 16 §6); null = follow the browser again. */
export async function setUserLocale(db: Db, id: string, locale: Locale | null): Promise<void> {
  await db.user.update({ where: { id }, data: { locale } });
}
