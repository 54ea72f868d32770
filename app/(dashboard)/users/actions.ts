"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { authorize } from "@/lib/auth/session";
import { recordAudit } from "@/lib/db/audit/audit";
import { getDb } from "@/lib/db/client";
import { createUser, removeUser, setUserPassword, setUserRole } from "@/lib/db/users/users";

export interface InviteState {
  error?: string;
  invited?: string;
  /** What was typed, kept after an error so it can be corrected. */
  fields?: { name: string; email: string; role: string };
}

const Invite = z.object({
  name: z.string().trim().min(1, "Enter the person's name.").max(100),
  email: z.email("Enter a valid email address."),
  role: z.enum(["admin", "viewer"]),
  password: z.string(),
});

export async function inviteUserAction(_: InviteState, form: FormData): Promise<InviteState> {
  const auth = await authorize("admin");
  if (!auth.ok) return { error: auth.error };
  const fields = {
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? ""),
    role: String(form.get("role") ?? "viewer"),
  };
  const parsed = Invite.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { error: parsed.error.issues[0]?.message ?? "Check the form.", fields };
  const problem = passwordProblem(parsed.data.password);
  if (problem) return { error: problem, fields };
  const db = await getDb();
  const { password, ...rest } = parsed.data;
  const created = await createUser(db, { ...rest, passwordHash: await hashPassword(password) });
  if (!created.ok) return { error: created.error, fields };
  await recordAudit(db, {
    userId: auth.user.id,
    actor: auth.user.email,
    action: "user.invite",
    details: { email: created.value.email, role: created.value.role },
  });
  revalidatePath("/users");
  return { invited: created.value.email };
}

export async function setRoleAction(userId: string, role: string): Promise<{ error?: string }> {
  const auth = await authorize("admin");
  if (!auth.ok) return { error: auth.error };
  if (role !== "admin" && role !== "viewer") return { error: "Unknown role." };
  const db = await getDb();
  const r = await setUserRole(db, userId, role);
  if (!r.ok) return { error: r.error };
  await recordAudit(db, {
    userId: auth.user.id,
    actor: auth.user.email,
    action: "user.role",
    details: { email: r.value.email, role },
  });
  revalidatePath("/users");
  return {};
}

/** Removes a user (never yourself, never the last admin); their sessions end at once. */
export async function removeUserAction(userId: string): Promise<{ error?: string }> {
  const auth = await authorize("admin");
  if (!auth.ok) return { error: auth.error };
  if (typeof userId !== "string" || !userId) return { error: "Unknown user." };
  const db = await getDb();
  const r = await removeUser(db, { userId: auth.user.id }, userId);
  if (!r.ok) return { error: r.error };
  await recordAudit(db, {
    userId: auth.user.id,
    actor: auth.user.email,
    action: "user.remove",
    details: { email: r.value.email, role: r.value.role },
  });
  revalidatePath("/users");
  return {};
}

export interface ResetState {
  error?: string;
  done?: string;
}

/** Sets a new password for a user; every session they have open ends at its next request. */
export async function resetPasswordAction(_: ResetState, form: FormData): Promise<ResetState> {
  const auth = await authorize("admin");
  if (!auth.ok) return { error: auth.error };
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const problem = passwordProblem(password);
  if (problem) return { error: problem };
  const db = await getDb();
  const r = await setUserPassword(db, email, await hashPassword(password));
  if (!r.ok) return { error: r.error };
  await recordAudit(db, {
    userId: auth.user.id,
    actor: auth.user.email,
    action: "user.reset-password",
    details: { email: r.value.email },
  });
  return { done: `New password set for ${r.value.email}. Their open sessions have ended.` };
}
