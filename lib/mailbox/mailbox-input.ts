import { z } from "zod";

// What the settings page's mailbox form sends (POST /api/mailboxes, PUT /api/mailboxes/<id>).
// Each message names the field, as the form shows only the first problem.
const MailboxBody = z.object({
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

export type MailboxBody = z.infer<typeof MailboxBody>;

/** The first problem with a mailbox body, as the form shows it. */
export function parseMailboxInput(
  body: unknown,
): { ok: true; value: MailboxBody } | { ok: false; error: string } {
  const parsed = MailboxBody.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  return {
    ok: false,
    error: first && first.path.length > 0 ? first.message : "Send the mailbox's fields as JSON.",
  };
}
