// One pass over an account's folder (RPT-DELIV-4). Every message is read through the same
// ingest as the HTTPS endpoint and then moved out of the folder, so none is read twice:
// reports (stored, duplicate, conflicting, or for unmanaged domains) to the processed
// folder; messages refused (reader error, over a budget, too slow, an exception) or holding
// no report to the rejected folder (issue 11). A message that cannot be moved is flagged
// and skipped from then on. Nothing one message does ends the pass; only a broken IMAP
// connection does, and the next poll starts over with the messages still there.
import type { ImapFlow } from "imapflow";
import type { Db } from "@/lib/db/client";
import type { MailboxForPoll } from "@/lib/db/reports/mailboxes";
import { recordRejection } from "@/lib/db/reports/rejected";
import type { IngestMeta, IngestOutcome } from "@/lib/ingest/ingest";
import { logger } from "@/lib/log";
import { ensureFolders, isSkipped, putAway } from "./folders";

/** RPT-ING-1 [IMPL: mox caps messages at 15 MB]: larger messages are refused unread. */
export const MAX_MESSAGE_BYTES = 15 * 1024 * 1024;

export type Ingest = (db: Db, bytes: Uint8Array, meta: IngestMeta) => Promise<IngestOutcome>;

export interface PassOptions {
  ingest: Ingest;
  /** A read that has not finished by then is refused and the pass goes on. */
  messageTimeoutMs: number;
  /** Larger messages are refused unread (MAX_MESSAGE_BYTES). */
  maxMessageBytes: number;
}

export interface PollSummary {
  messages: number;
  stored: number;
  duplicates: number;
  /** Refused: by the reader, over a limit, too slow, or failed. */
  rejected: number;
  /** Reports only about domains this installation does not manage. */
  unmanaged: number;
  /** Messages without a report. */
  noReport: number;
  /** Moved to the processed folder. */
  moved: number;
  /** Moved to the rejected folder. */
  setAside: number;
  /** Could not be moved: flagged and skipped from now on. */
  flagged: number;
}

export const emptySummary = (): PollSummary => ({
  messages: 0,
  stored: 0,
  duplicates: 0,
  rejected: 0,
  unmanaged: 0,
  noReport: 0,
  moved: 0,
  setAside: 0,
  flagged: 0,
});

type Verdict = "report" | "rejected" | "no-report" | "gone";

class ReadTimeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadTimeout()), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export async function pollPass(
  db: Db,
  client: ImapFlow,
  a: MailboxForPoll,
  opts: PassOptions,
): Promise<PollSummary> {
  const s = emptySummary();
  const [processed = null, rejected = null] = await ensureFolders(client, [
    a.processedFolder,
    a.rejectedFolder,
  ]);
  const lock = await client.getMailboxLock(a.folder);
  try {
    if (client.mailbox && client.mailbox.exists === 0) return s;
    // Sizes and flags first: commands cannot be sent while a FETCH is streaming.
    const list = await client.fetchAll(
      "1:*",
      { uid: true, size: true, flags: true },
      { uid: false },
    );
    for (const m of list.filter((x) => !isSkipped(x.flags))) {
      s.messages++;
      let verdict: Verdict;
      try {
        verdict = await readMessage(db, client, a, m.uid, m.size ?? 0, s, opts);
      } catch (e) {
        if (!client.usable) throw e;
        verdict = await refuse(db, a, `uid ${m.uid}`, m.size ?? 0, e);
      }
      if (verdict === "gone") continue;
      if (verdict === "rejected") s.rejected++;
      if (verdict === "no-report") s.noReport++;
      const where = await putAway(client, m.uid, verdict === "report" ? processed : rejected);
      if (where === "flagged") s.flagged++;
      else if (where === "moved" && verdict === "report") s.moved++;
      else if (where === "moved") s.setAside++;
    }
  } finally {
    lock.release();
  }
  return s;
}

async function readMessage(
  db: Db,
  client: ImapFlow,
  a: MailboxForPoll,
  uid: number,
  size: number,
  s: PollSummary,
  opts: PassOptions,
): Promise<Verdict> {
  if (size > opts.maxMessageBytes) {
    const n = (x: number) => x.toLocaleString("en-US");
    const why = `the message is ${n(size)} bytes, over the limit of ${n(opts.maxMessageBytes)}`;
    return refuse(db, a, `uid ${uid}`, size, why);
  }
  const msg = await client.fetchOne(String(uid), { source: true, envelope: true }, { uid: true });
  if (!msg || !msg.source) return "gone"; // expunged meanwhile by another client
  const id = msg.envelope?.messageId ?? `uid ${uid}`;
  let out: IngestOutcome;
  try {
    const read = opts.ingest(db, msg.source, { channel: "imap", source: `${a.label}: ${id}` });
    out = await withTimeout(read, opts.messageTimeoutMs);
  } catch (e) {
    const reason =
      e instanceof ReadTimeout
        ? `reading the message took longer than ${opts.messageTimeoutMs / 1000} s`
        : e;
    return refuse(db, a, id, msg.source.length, reason);
  }
  if (out.status === "no-report" && out.httpStatus !== 202) return "no-report";
  if (out.status === "rejected") return "rejected"; // ingest recorded the rejection
  s.stored += out.stored;
  s.duplicates += out.duplicates;
  if (out.status === "no-report") s.unmanaged++;
  return "report";
}

/** Records a rejection the ingest did not record itself: a string is the reason. */
async function refuse(
  db: Db,
  a: MailboxForPoll,
  id: string,
  size: number,
  why: unknown,
): Promise<"rejected"> {
  const reason =
    typeof why === "string" ? why : "reading the message failed (details are in the server log)";
  if (typeof why !== "string") logger.error({ err: why, mailbox: a.label, id }, "message failed");
  else logger.warn({ mailbox: a.label, id, reason }, "message refused");
  await recordRejection(db, { channel: "imap", source: `${a.label}: ${id}`, reason, size }).catch(
    (e: unknown) => logger.error({ err: e, mailbox: a.label, id }, "could not record rejection"),
  );
  return "rejected";
}
