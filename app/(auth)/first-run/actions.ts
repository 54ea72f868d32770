"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit/audit";
import { createFirstAdmin } from "@/lib/db/users/users";

export interface FormState {
  error?: string;
  /** What was typed, so the form keeps it after React resets it on an error. */
  fields?: { name: string; email: string };
}

const FirstAdmin = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.email("Enter a valid email address."),
  password: z.string(),
});

// Public action, but it only works while no user exists (createFirstAdmin checks that
// inside its own transaction).
export async function createFirstAdminAction(_: FormState, form: FormData): Promise<FormState> {
  const fields = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const parsed = FirstAdmin.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { error: parsed.error.issues[0]?.message ?? "Check the form.", fields };
  const problem = passwordProblem(parsed.data.password);
  if (problem) return { error: problem, fields };
  const db = await getDb();
  const created = await createFirstAdmin(db, {
    name: parsed.data.name,
    email: parsed.data.email,
    passwordHash: await hashPassword(parsed.data.password),
  });
  if (!created.ok) return { error: created.error, fields };
  await recordAudit(db, {
    userId: created.value.id,
    actor: created.value.email,
    action: "user.first-admin",
  });
  redirect("/sign-in?created=1");
}
