// Where a message goes once read, so it is never read twice: the processed or the rejected
// folder (written with "/" in settings, created when missing), or, when it cannot be moved,
// a flag and a keyword the next poll skips.
import type { ImapFlow } from "imapflow";
import { logger } from "@/lib/log";

/** Added, with \Flagged, to a message that could not be moved; such messages are skipped. */
export const SKIP_KEYWORD = "$TlsRptSkip";

export const isSkipped = (flags: Set<string> | undefined): boolean =>
  !!flags && (flags.has("\\Flagged") || flags.has(SKIP_KEYWORD));

/**
 * The server paths of `wanted` folders in its own hierarchy delimiter, each created when
 * missing; null for a folder the server would not create (the poller then flags instead).
 */
export async function ensureFolders(
  client: ImapFlow,
  wanted: string[],
): Promise<(string | null)[]> {
  const list = await client.list();
  const delimiter = list.find((m) => m.path.toUpperCase() === "INBOX")?.delimiter || "/";
  const out: (string | null)[] = [];
  for (const w of wanted) {
    const path = w.split("/").join(delimiter);
    if (list.some((m) => m.path === path)) {
      out.push(path);
      continue;
    }
    try {
      await client.mailboxCreate(path);
      out.push(path);
    } catch (e) {
      if (!client.usable) throw e;
      logger.warn({ err: e, folder: path }, "could not create mailbox folder");
      out.push(null);
    }
  }
  return out;
}

/**
 * Moves one message (by UID) to `dest`, or flags it when that fails. "stuck": neither
 * worked on a live connection (logged; the message is read again next time).
 */
export async function putAway(
  client: ImapFlow,
  uid: number,
  dest: string | null,
): Promise<"moved" | "flagged" | "stuck"> {
  if (dest) {
    try {
      if (await client.messageMove(String(uid), dest, { uid: true })) return "moved";
    } catch (e) {
      if (!client.usable) throw e;
      logger.warn({ err: e, uid, folder: dest }, "could not move message");
    }
  }
  try {
    // Only flags the folder permits are sent: a server without keywords gets \Flagged.
    if (await client.messageFlagsAdd(String(uid), ["\\Flagged", SKIP_KEYWORD], { uid: true }))
      return "flagged";
  } catch (e) {
    if (!client.usable) throw e;
    logger.warn({ err: e, uid }, "could not flag message");
  }
  return "stuck";
}
