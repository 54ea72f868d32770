// One poll of one IMAP account (RPT-DELIV-1..7 by mailto): every message in the folder is
// read through the same ingestBytes as the HTTPS endpoint; report messages (stored,
// duplicate, conflicting, for unmanaged domains, or refused) are moved to the processed
// folder, or flagged \Flagged when the server cannot move them, so nothing is read twice;
// mail without a report is left where it is, unflagged.
import { ImapFlow, type ImapFlowOptions } from "imapflow";
import type { Db } from "@/lib/db/client";
import { mailboxForPoll, recordPoll, type MailboxForPoll } from "@/lib/db/reports/mailboxes";
import { unseal } from "@/lib/crypto/seal";
import { ingestBytes } from "@/lib/ingest/ingest";
import { logger } from "@/lib/log";

/** RPT-ING-1 [IMPL: mox caps messages at 15 MB]: larger messages are left unread. */
export const MAX_MESSAGE_BYTES = 15 * 1024 * 1024;

export interface PollSummary {
  messages: number;
  stored: number;
  duplicates: number;
  rejected: number;
  /** Reports only about domains this installation does not manage. */
  unmanaged: number;
  /** Messages without a report, left in place. */
  leftAlone: number;
  moved: number;
  flagged: number;
}

export type PollResult = { ok: true; summary: PollSummary } | { ok: false; error: string };

export function describeSummary(s: PollSummary): string {
  return (
    `${s.messages} message${s.messages === 1 ? "" : "s"}: ${s.stored} stored, ` +
    `${s.duplicates} duplicate${s.duplicates === 1 ? "" : "s"}, ${s.rejected} rejected, ` +
    `${s.unmanaged} for unmanaged domains, ${s.leftAlone} without a report left in place`
  );
}

function clientOptions(a: MailboxForPoll, pass: string): ImapFlowOptions {
  return {
    host: a.host,
    port: a.port,
    secure: a.security === "tls",
    doSTARTTLS: a.security === "starttls" ? true : a.security === "none" ? false : undefined,
    auth: { user: a.username, pass },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    disableAutoIdle: true,
  } as ImapFlowOptions;
}

/** A message a person can act on; the raw error goes to the log only. */
export function describeImapError(e: unknown, a: Pick<MailboxForPoll, "host" | "port">): string {
  const x = (typeof e === "object" && e !== null ? e : {}) as {
    authenticationFailed?: boolean;
    code?: string;
    responseText?: string;
  };
  const where = `${a.host}:${a.port}`;
  if (x.authenticationFailed)
    return `authentication failed: ${where} refused the username or password`;
  switch (x.code) {
    case "ECONNREFUSED":
      return `could not connect to ${where}: connection refused`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `could not connect: the host name ${a.host} does not resolve`;
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
    case "GREETING_TIMEOUT":
      return `could not connect to ${where}: timed out`;
    case "ECONNRESET":
      return `the connection to ${where} was reset`;
  }
  if (x.code && /CERT|SSL|TLS|SELF_SIGNED/i.test(x.code)) {
    return `TLS to ${where} failed (${x.code}); check the host name and the security setting`;
  }
  if (x.responseText) return `the IMAP server said: ${x.responseText.slice(0, 200)}`;
  return `the IMAP session with ${where} failed (details are in the server log)`;
}

/** The processed folder, written with "/" in settings, in the server's own hierarchy
 * delimiter; created when missing. Returns the path to MOVE to. */
async function ensureFolder(client: ImapFlow, wanted: string): Promise<string> {
  const list = await client.list();
  const delimiter = list.find((m) => m.path.toUpperCase() === "INBOX")?.delimiter || "/";
  const path = wanted.split("/").join(delimiter);
  if (!list.some((m) => m.path === path)) await client.mailboxCreate(path);
  return path;
}

async function pollWith(db: Db, client: ImapFlow, a: MailboxForPoll): Promise<PollSummary> {
  const s: PollSummary = {
    messages: 0,
    stored: 0,
    duplicates: 0,
    rejected: 0,
    unmanaged: 0,
    leftAlone: 0,
    moved: 0,
    flagged: 0,
  };
  const processed = await ensureFolder(client, a.processedFolder);
  const lock = await client.getMailboxLock(a.folder);
  try {
    const box = client.mailbox;
    if (box && box.exists === 0) return s;
    // Sizes and flags first: commands cannot be sent while a FETCH is streaming.
    const list = await client.fetchAll(
      "1:*",
      { uid: true, size: true, flags: true },
      { uid: false },
    );
    const todo = list.filter((m) => !m.flags?.has("\\Flagged"));
    for (const m of todo) {
      s.messages++;
      if ((m.size ?? 0) > MAX_MESSAGE_BYTES) {
        s.leftAlone++;
        continue;
      }
      const msg = await client.fetchOne(
        String(m.uid),
        { source: true, envelope: true },
        { uid: true },
      );
      if (!msg || !msg.source) continue;
      const id = msg.envelope?.messageId ?? `uid ${m.uid}`;
      const out = await ingestBytes(db, msg.source, {
        channel: "imap",
        source: `${a.label}: ${id}`,
      });
      if (out.status === "no-report" && out.httpStatus !== 202) {
        s.leftAlone++;
        continue;
      }
      s.stored += out.stored;
      s.duplicates += out.duplicates;
      if (out.status === "rejected") s.rejected++;
      if (out.status === "no-report") s.unmanaged++;
      const moved = await client
        .messageMove(String(m.uid), processed, { uid: true })
        .catch(() => false);
      if (moved) s.moved++;
      else {
        await client.messageFlagsAdd(String(m.uid), ["\\Flagged"], { uid: true });
        s.flagged++;
      }
    }
  } finally {
    lock.release();
  }
  return s;
}

// One session per account at a time: "Poll now" during a scheduled poll joins it instead of
// reading the same messages twice.
const inFlight = new Map<string, Promise<PollResult>>();

/** Polls one account now and records the outcome on it (lastPollAt, lastError, lastResult). */
export function pollMailbox(db: Db, id: string): Promise<PollResult> {
  let p = inFlight.get(id);
  if (!p) {
    p = pollOnce(db, id).finally(() => inFlight.delete(id));
    inFlight.set(id, p);
  }
  return p;
}

async function pollOnce(db: Db, id: string): Promise<PollResult> {
  const a = await mailboxForPoll(db, id);
  if (!a) return { ok: false, error: "that mailbox account no longer exists" };
  const at = new Date();
  const pass = unseal(a.passwordSealed);
  if (!pass.ok) {
    await recordPoll(db, id, { at, error: pass.error, result: null });
    return { ok: false, error: pass.error };
  }
  const client = new ImapFlow(clientOptions(a, pass.value));
  client.on("error", (e: unknown) => logger.warn({ err: e, mailbox: a.label }, "imap error"));
  try {
    await client.connect();
    const summary = await pollWith(db, client, a);
    await recordPoll(db, id, { at, error: null, result: describeSummary(summary) });
    logger.info({ mailbox: a.label, ...summary }, "mailbox polled");
    return { ok: true, summary };
  } catch (e) {
    const error = describeImapError(e, a);
    logger.warn({ err: e, mailbox: a.label, host: a.host }, "mailbox poll failed");
    await recordPoll(db, id, { at, error, result: null });
    return { ok: false, error };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
