// Polls every enabled mailbox account on its own interval, in the server process
// (started from instrumentation.ts). One poll at a time: a slow server cannot pile up
// overlapping sessions.
import { getDb } from "@/lib/db/client";
import { dueMailboxes } from "@/lib/db/mailboxes/imap-accounts";
import { logger } from "@/lib/log";
import { pollMailbox } from "./poll";

const TICK_MS = 60_000;
const state = globalThis as unknown as { __stsPoller?: NodeJS.Timeout };
let running = false;

export async function pollDueMailboxes(now = new Date()): Promise<void> {
  if (running) return;
  running = true;
  try {
    const db = await getDb();
    // pollMailbox records its own failures; this catch is for what it could not record,
    // so one account's trouble never keeps the others from their poll.
    for (const id of await dueMailboxes(db, now)) {
      await pollMailbox(db, id).catch((e: unknown) =>
        logger.error({ err: e, mailbox: id }, "mailbox poll failed unexpectedly"),
      );
    }
  } catch (e) {
    logger.error({ err: e }, "mailbox poller tick failed");
  } finally {
    running = false;
  }
}

export function startMailboxPoller(): void {
  if (state.__stsPoller) return;
  state.__stsPoller = setInterval(() => void pollDueMailboxes(), TICK_MS);
  state.__stsPoller.unref();
  logger.info("mailbox poller started");
}
