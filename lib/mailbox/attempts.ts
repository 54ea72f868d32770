// How often the poller has tried a message whose read failed for a reason that may pass (a
// worker crash, a closed pool, a storage error, a read that waited too long): IMAP
// keywords on the message itself ($TlsRptTry1, $TlsRptTry2, …), so the count survives a
// restart and travels with the message. Such a message stays in the folder, unflagged, and
// is read again at the next poll; after MAX_ATTEMPTS it is set aside with the last reason.
import type { ImapFlow } from "imapflow";
import { logger } from "@/lib/log";

/** A message that failed this many times (for reasons that may pass) is set aside. */
export const MAX_ATTEMPTS = 3;

const PREFIX = "$TlsRptTry";

/** The failed attempts recorded on a message by its keywords (0 when none). */
export function attemptsOf(flags: Set<string> | undefined): number {
  let n = 0;
  for (const f of flags ?? []) {
    if (!f.startsWith(PREFIX)) continue;
    const k = Number(f.slice(PREFIX.length));
    if (Number.isSafeInteger(k) && k > n) n = k;
  }
  return n;
}

/**
 * Records failed attempt `n` on the message. False when the server cannot keep keywords in
 * this folder (or refused the command): the poller then cannot count, and sets the message
 * aside at once rather than reading it again forever.
 */
export async function recordAttempt(client: ImapFlow, uid: number, n: number): Promise<boolean> {
  const keyword = `${PREFIX}${n}`;
  const permanent = client.mailbox ? client.mailbox.permanentFlags : undefined;
  if (permanent && !permanent.has("\\*") && !permanent.has(keyword)) return false;
  try {
    return await client.messageFlagsAdd(String(uid), [keyword], { uid: true });
  } catch (e) {
    if (!client.usable) throw e;
    logger.warn({ err: e, uid }, "could not record a retry on the message");
    return false;
  }
}
