"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize } from "@/lib/auth/session";
import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { createMailbox, deleteMailbox, updateMailbox } from "@/lib/db/reports/mailboxes";
import { pollMailbox, describeSummary } from "@/lib/mailbox/poll";

export interface MailboxFormState {
  error?: string;
  saved?: string;
}

const Mailbox = z.object({
  id: z.string().optional(),
  label: z.string().trim().min(1, "Give the mailbox a name.").max(100),
  host: z
    .string()
    .trim()
    .min(1, "Enter the IMAP server's host name.")
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, "The host name has characters a host name cannot have."),
  port: z.coerce.number().int().min(1, "The port is 1-65535.").max(65535, "The port is 1-65535."),
  security: z.enum(["tls", "starttls", "none"]),
  username: z.string().trim().min(1, "Enter the username.").max(320),
  password: z.string().max(1000),
  folder: z.string().trim().min(1, "Enter the folder reports arrive in.").max(200),
  processedFolder: z.string().trim().min(1, "Enter the folder for processed reports.").max(200),
  rejectedFolder: z
    .string()
    .trim()
    .min(1, "Enter the folder for refused messages and mail without a report.")
    .max(200),
  pollMinutes: z.coerce.number().int().min(1, "Poll at most once a minute.").max(1440),
  enabled: z.boolean(),
});

export async function saveMailboxAction(
  _: MailboxFormState,
  form: FormData,
): Promise<MailboxFormState> {
  const auth = await authorize("admin");
  if (!auth.ok) return { error: auth.error };
  const parsed = Mailbox.safeParse({
    ...Object.fromEntries(form),
    id: form.get("id") || undefined,
    enabled: form.get("enabled") === "on",
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form." };
  const { id, ...m } = parsed.data;
  const actor = { userId: auth.user.id, email: auth.user.email };
  const db = await getDb();
  // The use case refuses plain-text IMAP outside labs and a changed host, port or security
  // without the password typed again (lib/mailbox/account-rules.ts).
  const opts = { allowPlainImap: settings().STS_ALLOW_PLAIN_IMAP };
  const r = id
    ? await updateMailbox(db, id, m, actor, opts)
    : await createMailbox(db, m, actor, opts);
  if (!r.ok) return { error: r.error };
  revalidatePath("/settings");
  return { saved: m.label };
}

export async function deleteMailboxAction(id: string): Promise<{ error?: string }> {
  const auth = await authorize("admin");
  if (!auth.ok) return { error: auth.error };
  const ok = await deleteMailbox(await getDb(), String(id), {
    userId: auth.user.id,
    email: auth.user.email,
  });
  revalidatePath("/settings");
  return ok ? {} : { error: "That mailbox was already removed." };
}

export async function pollMailboxAction(id: string): Promise<{ ok: boolean; message: string }> {
  const auth = await authorize("admin");
  if (!auth.ok) return { ok: false, message: auth.error };
  const r = await pollMailbox(await getDb(), String(id));
  revalidatePath("/settings");
  return r.ok ? { ok: true, message: describeSummary(r.summary) } : { ok: false, message: r.error };
}
