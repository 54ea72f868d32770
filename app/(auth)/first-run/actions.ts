"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientAddressFromHeaders } from "@/lib/auth/client-address";
import { createFirstAdminWithCode, setupCodeThrottle } from "@/lib/auth/first-run";
import { getDb } from "@/lib/db/client";
import { dbConfigFromEnv } from "@/lib/db/config";

export interface FormState {
  error?: string;
  /** What was typed, so the form keeps it after React resets it on an error. */
  fields?: { name: string; email: string; setupCode: string };
}

const FirstAdmin = z.object({
  setupCode: z.string().trim().min(1, "Enter the setup code from the server log."),
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.email("Enter a valid email address."),
  password: z.string(),
});

// Public action, but it only works while no user exists (createFirstAdmin checks that
// inside its own transaction) and with the setup code the server printed in its log.
export async function createFirstAdminAction(_: FormState, form: FormData): Promise<FormState> {
  const fields = {
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? ""),
    setupCode: String(form.get("setupCode") ?? ""),
  };
  const parsed = FirstAdmin.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return { error: parsed.error.issues[0]?.message ?? "Check the form.", fields };
  const created = await createFirstAdminWithCode(
    await getDb(),
    dbConfigFromEnv(),
    await setupCodeThrottle(),
    { ...parsed.data, address: clientAddressFromHeaders(await headers()) },
  );
  if (!created.ok) return { error: created.error, fields };
  redirect("/sign-in?created=1");
}
