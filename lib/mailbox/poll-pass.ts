// One pass over an account's folder (RPT-DELIV-4). Every message is read through the same
// ingest as the HTTPS endpoint (read in the worker pool, then stored) and then moved out
// of the folder, so none is read twice: reports (stored, duplicate, conflicting, or for
// unmanaged domains) to the processed folder; messages the reader refuses (a ReportError,
// over a budget, past the reader's deadline, over the size limit) or holding no report to
// the rejected folder (issue 11). A failure that may pass (a worker crash, a closed pool,
// a storage error, a read still waiting when the poller's timeout fires) leaves the
// message in the folder for the next poll, up to MAX_ATTEMPTS (attempts.ts); only then is
// it set aside, with the last reason. A message that cannot be moved is flagged and
// skipped from then on. Nothing one message does ends the pass; only a broken IMAP
// connection does, and the next poll starts over with the messages still there.
import type { ImapFlow } from "imapflow";
import type { Db } from "@/lib/db/client";
import type { MailboxForPoll } from "@/lib/db/mailboxes/imap-accounts";
import { recordRejection } from "@/lib/db/reports/rejected";
import type { MessageRef } from "@/lib/i18n/message-ref";
import type { IngestMeta, IngestOutcome, ReadInput } from "@/lib/ingest/ingest";
import { quoting, readerReason, reasonText, type ReasonText } from "@/lib/ingest/rejection-text";
import { logger } from "@/lib/log";
import type { DkimVerdict } from "@/lib/tlsrpt/dkim";
import { MAX_ATTEMPTS, attemptsOf, recordAttempt } from "./attempts";
import { ensureFolders, isSkipped, putAway } from "./folders";
import { emptySummary, type PollSummary } from "./poll-summary";
import { formatCount } from "@/lib/core/format-number";

export { emptySummary, type PollSummary } from "./poll-summary";

/** RPT-ING-1 [IMPL: mox caps messages at 15 MB]: larger messages are refused unread. */
export const MAX_MESSAGE_BYTES = 15 * 1024 * 1024;

/** The first half of the ingest: bytes to reports, no database (readInput). */
export type Read = (bytes: Uint8Array, meta: IngestMeta) => Promise<ReadInput>;
/** The second half: stores what was read, records refusals (storeRead). */
export type Store = (
  db: Db,
  bytes: Uint8Array,
  meta: IngestMeta,
  read: ReadInput,
) => Promise<IngestOutcome>;

export interface PassOptions {
  read: Read;
  store: Store;
  /**
   * A read (including its wait in the pool's queue) not finished by then is abandoned and
   * tried again at the next poll. Only the read is timed, never the store: a message whose
   * reports are being stored is not set aside meanwhile.
   */
  messageTimeoutMs: number;
  /** Larger messages are refused unread (MAX_MESSAGE_BYTES). */
  maxMessageBytes: number;
  /**
   * RPT-DELIV-7: verifies the message's DKIM signatures on this thread (the DNS client
   * lives here, not in the pool), with the raw bytes, after a read that found reports.
   */
  verify: (bytes: Uint8Array) => Promise<DkimVerdict>;
  /** A verification not finished by then is abandoned and tried again at the next poll. */
  verifyTimeoutMs: number;
}

/** A failure that may pass: the message is read again at the next poll. */
interface Transient {
  /** Our reason (with its ref), or a raw error from elsewhere (the worker pool's). */
  transient: string | ReasonText;
  id: string;
  size: number;
}

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
      let read: Verdict | Transient;
      try {
        read = await readMessage(db, client, a, m.uid, m.size ?? 0, s, opts);
      } catch (e) {
        if (!client.usable) throw e;
        read = failed(a, `uid ${m.uid}`, m.size ?? 0, e, "read");
      }
      let verdict: Verdict;
      if (typeof read === "object") {
        const n = attemptsOf(m.flags) + 1;
        if (n < MAX_ATTEMPTS && (await recordAttempt(client, m.uid, n))) {
          s.retrying++;
          continue;
        }
        const why = quoting("setAside", read.transient, { n });
        verdict = await refuse(db, a, read.id, read.size, why.text, why.ref);
      } else verdict = read;
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
): Promise<Verdict | Transient> {
  if (size > opts.maxMessageBytes) {
    const why = `the message is ${formatCount(size)} bytes, over the limit of ${formatCount(opts.maxMessageBytes)}`;
    return refuse(db, a, `uid ${uid}`, size, why, {
      key: "messageTooBig",
      params: { size, limit: opts.maxMessageBytes },
    });
  }
  const msg = await client.fetchOne(String(uid), { source: true, envelope: true }, { uid: true });
  if (!msg || !msg.source) return "gone"; // expunged meanwhile by another client
  const id = msg.envelope?.messageId ?? `uid ${uid}`;
  const bytes = msg.source;
  const meta: IngestMeta = { channel: "imap", source: `${a.label}: ${id}` };
  let read: ReadInput;
  try {
    // Abandoned on timeout: the read stores nothing, and the pool ends it at its deadline.
    read = await withTimeout(opts.read(bytes, meta), opts.messageTimeoutMs);
  } catch (e) {
    const why =
      e instanceof ReadTimeout
        ? reasonText("readTimeout", { seconds: String(opts.messageTimeoutMs / 1000) })
        : e;
    return failed(a, id, bytes.length, why, "read");
  }
  // A worker that crashed or a pool that was closed says nothing about the message.
  if (!read.ok && read.error.code === "reader-failed") {
    // The pool's own words, with their ref (a crashed worker's detail stays a parameter).
    const ref = readerReason(read.error);
    const why = ref ? { text: read.error.message, ref } : read.error.message;
    return failed(a, id, bytes.length, why, "read");
  }
  if (read.ok && read.value.reports.length > 0) {
    try {
      meta.dkim = await withTimeout(opts.verify(bytes), opts.verifyTimeoutMs);
    } catch (e) {
      const why =
        e instanceof ReadTimeout
          ? reasonText("verifyTimeout", { seconds: String(opts.verifyTimeoutMs / 1000) })
          : e;
      return failed(a, id, bytes.length, why, "verify");
    }
  }
  let out: IngestOutcome;
  try {
    // Not timed: once storing has begun, the message is never set aside under it. Reports
    // stored before an error are duplicates at the next attempt (RPT-ING-5).
    out = await opts.store(db, bytes, meta, read);
  } catch (e) {
    return failed(a, id, bytes.length, e, "store");
  }
  if (out.status === "no-report" && out.httpStatus !== 202) return "no-report";
  if (out.status === "rejected") return "rejected"; // ingest recorded the rejection
  s.stored += out.stored;
  s.duplicates += out.duplicates;
  if (out.status === "no-report") s.unmanaged++;
  return "report";
}

const isReason = (why: unknown): why is ReasonText =>
  typeof why === "object" && why !== null && !(why instanceof Error) && "ref" in why;

/** A failure that may pass: a string (raw) or a ReasonText is the reason; an exception is
 * logged and the reason says which `step` failed. */
function failed(
  a: MailboxForPoll,
  id: string,
  size: number,
  why: unknown,
  step: "read" | "verify" | "store",
): Transient {
  if (typeof why === "string" || isReason(why)) {
    const reason = typeof why === "string" ? why : why.text;
    logger.warn({ mailbox: a.label, id, reason }, "message failed; tried again later");
    return { transient: why, id, size };
  }
  logger.error({ err: why, mailbox: a.label, id }, "message failed");
  return { transient: reasonText("failedSeeLog", { step }), id, size };
}

/** Records a rejection the ingest did not record itself. */
async function refuse(
  db: Db,
  a: MailboxForPoll,
  id: string,
  size: number,
  reason: string,
  ref?: MessageRef,
): Promise<"rejected"> {
  logger.warn({ mailbox: a.label, id, reason }, "message refused");
  const source = `${a.label}: ${id}`;
  await recordRejection(db, { channel: "imap", source, reason, size, ref }).catch((e: unknown) =>
    logger.error({ err: e, mailbox: a.label, id }, "could not record rejection"),
  );
  return "rejected";
}
