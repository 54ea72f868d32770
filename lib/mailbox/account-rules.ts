// What a mailbox account may be saved as (issue 11): the use case in lib/db and the poller
// both ask these, so a stored password never travels in clear or to a server it was not
// entered for (RPT-ING-2: whatever arrives is hostile, so the channel itself must be safe).

import type { MessageRef } from "../i18n/message-ref";

export type MailboxSecurity = "tls" | "starttls" | "none";

export interface ImapEndpoint {
  host: string;
  port: number;
  security: MailboxSecurity;
}

export interface AccountFields extends ImapEndpoint {
  /** Empty on an update keeps the stored password. */
  password: string;
  folder: string;
  processedFolder: string;
  rejectedFolder: string;
}

export const PLAIN_IMAP_REFUSED =
  'IMAP without TLS sends the password in clear: choose TLS or STARTTLS (security "none" is ' +
  "allowed only in labs, with STS_ALLOW_PLAIN_IMAP=1).";

export const PASSWORD_AGAIN =
  "The host, port or security changed: enter the password again, so the stored one is " +
  "never sent to a different server.";

export const PASSWORD_MISSING = "Enter the password (or app password).";

export const FOLDERS_MUST_DIFFER =
  "The folder reports arrive in, the processed folder and the rejected folder must be " +
  "three different folders.";

/** True when the password would go somewhere else than the one it was saved for. */
export function endpointChanged(before: ImapEndpoint, after: ImapEndpoint): boolean {
  return (
    before.host.trim().toLowerCase() !== after.host.trim().toLowerCase() ||
    before.port !== after.port ||
    before.security !== after.security
  );
}

// IMAP folder names are case-sensitive except INBOX (RFC 3501 §5.1).
const folderKey = (f: string) => {
  const t = f.trim();
  return t.toUpperCase() === "INBOX" ? "INBOX" : t;
};

/** A refusal: the English sentence and its "apiErrors" message (issue 16 §6). */
export interface AccountProblem {
  message: string;
  ref: MessageRef;
}

const problem = (message: string, key: string): AccountProblem => ({ message, ref: { key } });

/**
 * The first problem with saving `input` (over `before`, when updating), or null.
 * `allowPlainImap` is the lab setting STS_ALLOW_PLAIN_IMAP.
 */
export function accountProblem(
  input: AccountFields,
  before: ImapEndpoint | null,
  opts: { allowPlainImap: boolean },
): AccountProblem | null {
  if (input.security === "none" && !opts.allowPlainImap)
    return problem(PLAIN_IMAP_REFUSED, "plainImapRefused");
  if (!input.password) {
    if (!before) return problem(PASSWORD_MISSING, "mailboxPasswordMissing");
    if (endpointChanged(before, input)) return problem(PASSWORD_AGAIN, "mailboxPasswordAgain");
  }
  const folders = new Set(
    [input.folder, input.processedFolder, input.rejectedFolder].map(folderKey),
  );
  if (folders.size !== 3) return problem(FOLDERS_MUST_DIFFER, "mailboxFoldersDiffer");
  return null;
}
