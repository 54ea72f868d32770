// One poll of one IMAP account (RPT-DELIV-1..7 by mailto): a session that runs pollPass
// (poll-pass.ts) over the account's folder and records the outcome on the account. Plain-
// text IMAP is refused unless the lab setting STS_ALLOW_PLAIN_IMAP allows it, and a whole
// session has a deadline, so a server that trickles cannot hold the scheduler forever.
import { ImapFlow, type ImapFlowOptions } from "imapflow";
import { checkerOptions } from "@/lib/config/checker";
import { settings } from "@/lib/config/settings";
import type { Db } from "@/lib/db/client";
import { withLease } from "@/lib/db/jobs/leases";
import { processOwner } from "@/lib/db/jobs/owner";
import { mailboxForPoll, recordPoll, type MailboxForPoll } from "@/lib/db/mailboxes/imap-accounts";
import { unseal } from "@/lib/crypto/seal";
import { readInput, storeRead } from "@/lib/ingest/ingest";
import { createDnsClient } from "@/lib/dns/resolver";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { logger } from "@/lib/log";
import { dkimResolver, verifyDkim } from "@/lib/tlsrpt/dkim";
import { PLAIN_IMAP_REFUSED } from "./account-rules";
import { MAX_MESSAGE_BYTES, pollPass, type PassOptions, type PollSummary } from "./poll-pass";

export { MAX_MESSAGE_BYTES, type PollSummary } from "./poll-pass";

/**
 * A read of one message (gunzip, parse; with its wait in the pool's queue) not finished by
 * then is abandoned and tried again at the next poll; the poll goes on. Storing is not timed.
 */
export const MESSAGE_TIMEOUT_MS = 60_000;
/** RPT-DELIV-7: a message's DKIM key lookups past this leave it for the next poll. */
export const VERIFY_TIMEOUT_MS = 15_000;
/** A whole session past this is closed; the messages left are read at the next poll. */
export const POLL_DEADLINE_MS = 15 * 60_000;

/** Issue 14 §5: the "mailbox:<id>" lease, renewed while a session runs, so two instances
 * never read one mailbox at once; a killed instance frees it after this long. */
export const MAILBOX_LEASE_MS = 60_000;
export const MAILBOX_BUSY =
  "Another instance of the app is reading this mailbox right now; its result shows here when it ends.";

export interface PollOptions extends PassOptions {
  /** The lab setting STS_ALLOW_PLAIN_IMAP. */
  allowPlainImap: boolean;
  deadlineMs: number;
}

/** A failed poll: the English sentence (the log, the API) and, where it is our sentence, its
 * "apiErrors" message (issue 16 §6). */
export type PollResult =
  { ok: true; summary: PollSummary } | { ok: false; error: string; ref?: MessageRef };

/** What went wrong, for a person: the English and its "apiErrors" message. */
export interface PollProblem {
  message: string;
  ref: MessageRef;
}

const problem = (message: string, key: string, params?: Record<string, string>): PollProblem => ({
  message,
  ref: params ? { key, params } : { key },
});

/** DKIM through the app's DNS client: the resolvers STS_DNS_SERVERS names, else the system's. */
const verifyWithAppDns = (bytes: Uint8Array) =>
  verifyDkim(
    bytes,
    dkimResolver(createDnsClient({ servers: checkerOptions().dnsServers, timeoutMs: 5000 })),
    { requireTlsrptService: settings().STS_DKIM_REQUIRE_TLSRPT },
  );

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function describeSummary(s: PollSummary): string {
  const line =
    `${plural(s.messages, "message")}: ${s.stored} stored, ${plural(s.duplicates, "duplicate")}, ` +
    `${s.rejected} rejected, ${s.unmanaged} for unmanaged domains, ${s.noReport} without a report`;
  const after = [
    s.setAside ? `${s.setAside} moved to the rejected folder` : "",
    s.flagged ? `${s.flagged} flagged (could not be moved)` : "",
    s.retrying ? `${s.retrying} left for the next poll after a failure` : "",
  ].filter(Boolean);
  return after.length ? `${line}; ${after.join(", ")}` : line;
}

/** describeSummary as the "settings.mailboxes" message pollSummary (issue 16 §6): the counts,
 * and for each optional part whether a comma or a semicolon comes before it. */
export function summaryRef(s: PollSummary): MessageRef {
  return {
    key: "pollSummary",
    params: {
      messages: s.messages,
      stored: s.stored,
      duplicates: s.duplicates,
      rejected: s.rejected,
      unmanaged: s.unmanaged,
      noReport: s.noReport,
      setAside: s.setAside,
      flagged: s.flagged,
      flaggedSep: s.setAside ? "comma" : "semicolon",
      retrying: s.retrying,
      retryingSep: s.setAside || s.flagged ? "comma" : "semicolon",
    },
  };
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

/** A message a person can act on; the raw error goes to the log only. The server's own
 * reply and error codes are parameters, never translated. */
export function describeImapError(
  e: unknown,
  a: Pick<MailboxForPoll, "host" | "port">,
): PollProblem {
  const x = (typeof e === "object" && e !== null ? e : {}) as {
    authenticationFailed?: boolean;
    code?: string;
    responseText?: string;
  };
  const where = `${a.host}:${a.port}`;
  if (x.authenticationFailed)
    return problem(
      `authentication failed: ${where} refused the username or password`,
      "imapAuthFailed",
      { where },
    );
  switch (x.code) {
    case "ECONNREFUSED":
      return problem(`could not connect to ${where}: connection refused`, "imapRefused", {
        where,
      });
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return problem(
        `could not connect: the host name ${a.host} does not resolve`,
        "imapNoSuchHost",
        { host: a.host },
      );
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
    case "GREETING_TIMEOUT":
      return problem(`could not connect to ${where}: timed out`, "imapTimedOut", { where });
    case "ECONNRESET":
      return problem(`the connection to ${where} was reset`, "imapReset", { where });
  }
  const code = x.code;
  if (code && /SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|CERT_UNTRUSTED/.test(code)) {
    // Known gap: no per-account CA; a private CA is trusted process-wide.
    return problem(
      `TLS to ${where} failed: its certificate is not from a CA this server trusts ` +
        `(${code}); for a private CA, start the app with NODE_EXTRA_CA_CERTS`,
      "imapUntrustedCert",
      { where, code },
    );
  }
  if (code && /CERT|SSL|TLS/i.test(code)) {
    return problem(
      `TLS to ${where} failed (${code}); check the host name and the security setting`,
      "imapTlsFailed",
      { where, code },
    );
  }
  if (x.responseText) {
    const reply = x.responseText.slice(0, 200);
    return problem(`the IMAP server said: ${reply}`, "imapServerSaid", { reply });
  }
  return problem(
    `the IMAP session with ${where} failed (details are in the server log)`,
    "imapSessionFailed",
    { where },
  );
}

// One session per account at a time: "Poll now" during a scheduled poll joins it instead of
// reading the same messages twice.
const inFlight = new Map<string, Promise<PollResult>>();

/**
 * Polls one account now and records the outcome on it (lastPollAt, lastError, lastResult).
 * `opts` default to the settings and the constants above; tests pass their own.
 */
export function pollMailbox(
  db: Db,
  id: string,
  opts: Partial<PollOptions> = {},
): Promise<PollResult> {
  let p = inFlight.get(id);
  if (!p) {
    const full: PollOptions = {
      read: readInput,
      store: storeRead,
      messageTimeoutMs: MESSAGE_TIMEOUT_MS,
      maxMessageBytes: MAX_MESSAGE_BYTES,
      verify: verifyWithAppDns,
      verifyTimeoutMs: VERIFY_TIMEOUT_MS,
      deadlineMs: POLL_DEADLINE_MS,
      allowPlainImap: opts.allowPlainImap ?? settings().STS_ALLOW_PLAIN_IMAP,
      ...opts,
    };
    p = withLease(db, `mailbox:${id}`, processOwner(), { ttlMs: MAILBOX_LEASE_MS }, () =>
      pollOnce(db, id, full),
    )
      .then((r): PollResult =>
        r.ok ? r.value : { ok: false, error: MAILBOX_BUSY, ref: { key: "mailboxBusy" } },
      )
      .finally(() => inFlight.delete(id));
    inFlight.set(id, p);
  }
  return p;
}

async function pollOnce(db: Db, id: string, opts: PollOptions): Promise<PollResult> {
  const a = await mailboxForPoll(db, id);
  if (!a)
    return {
      ok: false,
      error: "that mailbox account no longer exists",
      ref: { key: "mailboxNoLongerExists" },
    };
  const at = new Date();
  const fail = async (error: string, ref?: MessageRef): Promise<PollResult> => {
    await recordPoll(db, id, { at, error, result: null, ref });
    return ref ? { ok: false, error, ref } : { ok: false, error };
  };
  const failWith = (p: PollProblem) => fail(p.message, p.ref);
  // An account saved while a lab allowed it is not polled in clear once that is turned off.
  if (a.security === "none" && !opts.allowPlainImap)
    return fail(PLAIN_IMAP_REFUSED, { key: "plainImapRefused" });
  const pass = unseal(a.passwordSealed);
  if (!pass.ok) return failWith(pass.error);
  const client = new ImapFlow(clientOptions(a, pass.value));
  client.on("error", (e: unknown) => logger.warn({ err: e, mailbox: a.label }, "imap error"));
  let expired = false;
  const deadline = setTimeout(() => {
    expired = true;
    client.close();
  }, opts.deadlineMs);
  try {
    await client.connect();
    const summary = await pollPass(db, client, a, opts);
    await recordPoll(db, id, {
      at,
      error: null,
      result: describeSummary(summary),
      ref: summaryRef(summary),
    });
    logger.info({ mailbox: a.label, ...summary }, "mailbox polled");
    return { ok: true, summary };
  } catch (e) {
    logger.warn({ err: e, mailbox: a.label, host: a.host }, "mailbox poll failed");
    return failWith(expired ? deadlineProblem(opts.deadlineMs) : describeImapError(e, a));
  } finally {
    clearTimeout(deadline);
    await client.logout().catch(() => client.close());
  }
}

export function deadlineProblem(deadlineMs: number): PollProblem {
  const long = deadlineMs >= 60_000;
  const limit = long ? `${Math.round(deadlineMs / 60_000)} minutes` : `${deadlineMs / 1000} s`;
  const message = `the poll took longer than ${limit} and was stopped; the rest is read next time`;
  return long
    ? problem(message, "pollDeadlineMinutes", { minutes: String(Math.round(deadlineMs / 60_000)) })
    : problem(message, "pollDeadlineSeconds", { seconds: String(deadlineMs / 1000) });
}
