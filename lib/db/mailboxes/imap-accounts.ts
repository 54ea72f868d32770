// IMAP accounts that receive TLS reports (the rua mailto address). The sealed password
// stays in this module and the poller: MailboxView, which pages and APIs get, has none.
// Saving goes through accountProblem (lib/mailbox/account-rules.ts): no plain-text IMAP
// outside labs, and no stored password sent to a host, port or security it was not typed for.
import { seal } from "@/lib/crypto/seal";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { accountProblem, type MailboxSecurity } from "@/lib/mailbox/account-rules";
import { recordAudit } from "../audit/audit";
import type { Db } from "../client";

export type { MailboxSecurity };

export interface MailboxView {
  id: string;
  label: string;
  host: string;
  port: number;
  security: MailboxSecurity;
  username: string;
  folder: string;
  processedFolder: string;
  /** Where refused messages and messages without a report go. */
  rejectedFolder: string;
  pollMinutes: number;
  enabled: boolean;
  lastPollAt: Date | null;
  lastError: string | null;
  lastResult: string | null;
  /** lastError ("apiErrors") or lastResult ("settings.mailboxes") as a message, for the
   * page to show in the reader's language; null: show the English (issue 16 §6). */
  lastRef: MessageRef | null;
}

export interface MailboxForPoll extends MailboxView {
  passwordSealed: string;
}

export interface MailboxInput {
  label: string;
  host: string;
  port: number;
  security: MailboxSecurity;
  username: string;
  /** Required when creating; on update, empty keeps the stored one (same endpoint only). */
  password: string;
  folder: string;
  processedFolder: string;
  rejectedFolder: string;
  pollMinutes: number;
  enabled: boolean;
}

export interface Actor {
  userId: string;
  email: string;
}

export interface SaveOptions {
  /** The lab setting STS_ALLOW_PLAIN_IMAP. */
  allowPlainImap: boolean;
}

/** An expected refusal is a value with a message for the form; null: the account is gone. */
/** `ref`: the refusal's "apiErrors" message, for the route to answer in the user's language. */
export type SaveResult =
  { ok: true; mailbox: MailboxView } | { ok: false; error: string; ref: MessageRef };

const view = {
  id: true,
  label: true,
  host: true,
  port: true,
  security: true,
  username: true,
  folder: true,
  processedFolder: true,
  rejectedFolder: true,
  pollMinutes: true,
  enabled: true,
  lastPollAt: true,
  lastError: true,
  lastResult: true,
  lastI18n: true,
} as const;

const asView = <T extends { security: string; lastI18n?: string | null }>({
  lastI18n,
  ...r
}: T) => ({
  ...r,
  security: r.security as MailboxSecurity,
  lastRef: parseRef(lastI18n),
});

function parseRef(json: string | null | undefined): MessageRef | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<MessageRef> | null;
    return v && typeof v.key === "string" ? (v as MessageRef) : null;
  } catch {
    return null;
  }
}

export async function listMailboxes(db: Db): Promise<MailboxView[]> {
  const rows = await db.mailboxAccount.findMany({ select: view, orderBy: { createdAt: "asc" } });
  return rows.map(asView);
}

export async function mailboxForPoll(db: Db, id: string): Promise<MailboxForPoll | null> {
  const r = await db.mailboxAccount.findUnique({
    where: { id },
    select: { ...view, passwordSealed: true },
  });
  return r ? asView(r) : null;
}

/** Enabled accounts whose interval has passed. */
export async function dueMailboxes(db: Db, now: Date): Promise<string[]> {
  const rows = await db.mailboxAccount.findMany({
    where: { enabled: true },
    select: { id: true, lastPollAt: true, pollMinutes: true },
  });
  return rows
    .filter(
      (r) => !r.lastPollAt || now.getTime() - r.lastPollAt.getTime() >= r.pollMinutes * 60_000,
    )
    .map((r) => r.id);
}

const fields = (m: MailboxInput) => ({
  label: m.label,
  host: m.host,
  port: m.port,
  security: m.security,
  username: m.username,
  folder: m.folder,
  processedFolder: m.processedFolder,
  rejectedFolder: m.rejectedFolder,
  pollMinutes: m.pollMinutes,
  enabled: m.enabled,
});

export async function createMailbox(
  db: Db,
  m: MailboxInput,
  actor: Actor,
  opts: SaveOptions,
): Promise<SaveResult> {
  const problem = accountProblem(m, null, opts);
  if (problem) return { ok: false, error: problem.message, ref: problem.ref };
  return db.$transaction(async (tx) => {
    const row = await tx.mailboxAccount.create({
      data: { ...fields(m), passwordSealed: seal(m.password) },
      select: view,
    });
    await recordAudit(tx, {
      userId: actor.userId,
      actor: actor.email,
      action: "mailbox.add",
      details: { label: m.label, host: m.host, username: m.username },
    });
    return { ok: true, mailbox: asView(row) };
  });
}

export async function updateMailbox(
  db: Db,
  id: string,
  m: MailboxInput,
  actor: Actor,
  opts: SaveOptions,
): Promise<SaveResult> {
  return db.$transaction(async (tx): Promise<SaveResult> => {
    const found = await tx.mailboxAccount.findUnique({
      where: { id },
      select: { host: true, port: true, security: true },
    });
    if (!found)
      return {
        ok: false,
        error: "That mailbox was removed meanwhile.",
        ref: { key: "mailboxRemovedMeanwhile" },
      };
    const problem = accountProblem(m, asView(found), opts);
    if (problem) return { ok: false, error: problem.message, ref: problem.ref };
    const row = await tx.mailboxAccount.update({
      where: { id },
      data: { ...fields(m), ...(m.password ? { passwordSealed: seal(m.password) } : {}) },
      select: view,
    });
    await recordAudit(tx, {
      userId: actor.userId,
      actor: actor.email,
      action: "mailbox.edit",
      details: { label: m.label, host: m.host, passwordChanged: m.password !== "" },
    });
    return { ok: true, mailbox: asView(row) };
  });
}

export async function deleteMailbox(db: Db, id: string, actor: Actor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const found = await tx.mailboxAccount.findUnique({ where: { id }, select: { label: true } });
    if (!found) return false;
    await tx.mailboxAccount.delete({ where: { id } });
    await recordAudit(tx, {
      userId: actor.userId,
      actor: actor.email,
      action: "mailbox.remove",
      details: { label: found.label },
    });
    return true;
  });
}

export async function recordPoll(
  db: Db,
  id: string,
  r: { at: Date; error: string | null; result: string | null; ref?: MessageRef | undefined },
): Promise<void> {
  await db.mailboxAccount.updateMany({
    where: { id },
    data: {
      lastPollAt: r.at,
      lastError: r.error,
      lastResult: r.result,
      lastI18n: r.ref ? JSON.stringify(r.ref) : null,
    },
  });
}
