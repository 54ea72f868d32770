import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { findSessionUser, type Role, type UserRecord } from "@/lib/db/users/users";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { authOptions } from "./options";

// Every page and route handler calls one of these itself (route handlers through
// lib/http's withUser/withDomain): a page's check does not protect the handlers behind it.

export type SessionUser = UserRecord;

/**
 * Read once per request, however many components and checks ask. A session signed before
 * the user's password reset or role change (an older session version), or for a removed
 * user, counts as signed out.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as {
    userId?: unknown;
    sessionVersion?: unknown;
  } | null;
  const id = session?.userId;
  const version = session?.sessionVersion;
  if (typeof id !== "string" || typeof version !== "number") return null;
  return findSessionUser(await getDb(), id, version);
});

/** For pages: the signed-in user, or a redirect to sign-in. */
export async function requirePageUser(role: Role = "viewer"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (role === "admin" && user.role !== "admin") redirect("/domains?denied=1");
  return user;
}

export type ActionAuth =
  | { ok: true; user: SessionUser }
  | { ok: false; status: 401 | 403; error: string; ref: MessageRef };

/** For route handlers (through withUser): a value, never a throw. */
export async function authorize(role: Role = "viewer"): Promise<ActionAuth> {
  const user = await currentUser();
  // The "apiErrors" keys let withUser answer in the user's language (issue 16 §6).
  if (!user)
    return { ok: false, status: 401, error: "Sign in first.", ref: { key: "signInFirst" } };
  if (role === "admin" && user.role !== "admin")
    return {
      ok: false,
      status: 403,
      error: "Only admins can do this.",
      ref: { key: "adminsOnly" },
    };
  return { ok: true, user };
}
