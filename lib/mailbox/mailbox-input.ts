import { z } from "zod";
import type { MessageRef } from "../i18n/message-ref";
import { apiFailure } from "../i18n/api-failure";
import { firstProblem } from "../i18n/zod-problem";

// Each field's message in English, by its "apiErrors" key (issue 16 §6).
const FIELD_PROBLEMS = {
  mailboxLabel: "Give the mailbox a name.",
  mailboxHost: "Enter the IMAP server's host name.",
  mailboxHostChars: "The host name has characters a host name cannot have.",
  mailboxPort: "The port is 1-65535.",
  mailboxUsername: "Enter the username.",
  mailboxFolder: "Enter the folder reports arrive in.",
  mailboxProcessedFolder: "Enter the folder for processed reports.",
  mailboxRejectedFolder: "Enter the folder for refused messages and mail without a report.",
  mailboxPollMinutes: "Poll at most once a minute.",
} as const;
const P = FIELD_PROBLEMS;

// What the settings page's mailbox form sends (POST /api/mailboxes, PUT /api/mailboxes/<id>).
// Each message names the field, as the form shows only the first problem.
const MailboxBody = z.object({
  label: z.string().trim().min(1, P.mailboxLabel).max(100),
  host: z
    .string()
    .trim()
    .min(1, P.mailboxHost)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, P.mailboxHostChars),
  port: z.coerce.number().int().min(1, P.mailboxPort).max(65535, P.mailboxPort),
  security: z.enum(["tls", "starttls", "none"]),
  username: z.string().trim().min(1, P.mailboxUsername).max(320),
  password: z.string().max(1000),
  folder: z.string().trim().min(1, P.mailboxFolder).max(200),
  processedFolder: z.string().trim().min(1, P.mailboxProcessedFolder).max(200),
  rejectedFolder: z.string().trim().min(1, P.mailboxRejectedFolder).max(200),
  pollMinutes: z.coerce.number().int().min(1, P.mailboxPollMinutes).max(1440),
  enabled: z.boolean(),
});

export type MailboxBody = z.infer<typeof MailboxBody>;

/** The first problem with a mailbox body, as the form shows it; `ref` is its "apiErrors"
 * message (zod's own problems, e.g. a label past 100 characters, as zodProblem words them). */
export function parseMailboxInput(
  body: unknown,
): { ok: true; value: MailboxBody } | { ok: false; error: string; ref?: MessageRef } {
  const parsed = MailboxBody.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const f = firstProblem(parsed.error, body, FIELD_PROBLEMS, apiFailure("invalid", "mailboxBody"));
  return { ok: false, error: f.message, ref: f.ref };
}
