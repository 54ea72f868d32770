// Polls every enabled mailbox account whose interval has passed. Run by the scheduler's
// "poll-mailboxes" job every minute (lib/scheduler, issue 14): one instance per minute
// slot, and each mailbox under its own database lease (poll.ts), so a slow server cannot
// pile up overlapping sessions and two instances never read one mailbox at once.
import { getDb } from "@/lib/db/client";
import { dueMailboxes } from "@/lib/db/mailboxes/imap-accounts";
import { logger } from "@/lib/log";
import { pollMailbox } from "./poll";

export async function pollDueMailboxes(now = new Date()): Promise<void> {
  const db = await getDb();
  // pollMailbox records its own failures; this catch is for what it could not record,
  // so one account's trouble never keeps the others from their poll.
  for (const id of await dueMailboxes(db, now)) {
    await pollMailbox(db, id).catch((e: unknown) =>
      logger.error({ err: e, mailbox: id }, "mailbox poll failed unexpectedly"),
    );
  }
}
