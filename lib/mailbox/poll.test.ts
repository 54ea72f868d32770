// The IMAP channel against a real Dovecot (e2e/dovecot): real report emails from
// ../shared/samples/tlsrpt plus composed ones, appended over IMAP, then polled.
import { gzipSync } from "node:zlib";
import { ImapFlow } from "imapflow";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDovecot, type DovecotServer } from "@/e2e/dovecot/dovecot";
import { createMailbox, mailboxForPoll } from "@/lib/db/reports/mailboxes";
import { isEmlSample, sampleDomains, samples } from "@/lib/db/reports/samples";
import { closeSqliteStore } from "@/lib/db/reports/sqlite-store";
import { countRows } from "@/lib/db/reports/test-helpers";
import { openTestDb, type TestDb } from "@/lib/db/test-db";
import { ingestBytes } from "@/lib/ingest/ingest";
import { googleReport } from "@/lib/tlsrpt/test-fixtures";
import { pollMailbox } from "./poll";

const USER = "reports";
const PASS = "s3cret-app-password";
let actor = { userId: "", email: "admin@example.com" };
let dovecot: DovecotServer;
let t: TestDb;

function compose(opts: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(opts).compile().build();
}

async function imap<T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: USER, pass: PASS },
    logger: false,
  } as ConstructorParameters<typeof ImapFlow>[0]);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.logout();
  }
}

const count = (path: string) =>
  imap(async (c) => {
    const st = await c.status(path, { messages: true });
    return st ? (st.messages ?? 0) : 0;
  });

beforeAll(async () => {
  process.env.STS_SECRET ??= "test-secret-for-mailbox-passwords";
  dovecot = await startDovecot([{ user: USER, pass: PASS }]);
  t = await openTestDb();
  const admin = await t.db.user.create({
    data: { email: actor.email, name: "Admin", passwordHash: "x", role: "admin" },
  });
  actor = { userId: admin.id, email: admin.email };
  await t.db.domain.createMany({
    data: [...(await sampleDomains()), "example.com"]
      .filter((d, i, a) => a.indexOf(d) === i)
      .map((name) => ({ name, displayName: name })),
  });
}, 60_000);

afterAll(async () => {
  await closeSqliteStore(t.db);
  await t.close();
  await dovecot.stop();
});

describe("IMAP poller against Dovecot", () => {
  it("ingests report mail, moves it to the processed folder and leaves other mail alone", async () => {
    const emls = samples(isEmlSample);
    expect(emls).toHaveLength(12);
    const composed = await compose({
      from: "noreply-smtp-tls-reporting@google.com",
      to: "tlsrpt@example.com",
      subject: "Report Domain: example.com Submitter: google.com Report-ID: <composed@google.com>",
      headers: { "TLS-Report-Domain": "example.com", "TLS-Report-Submitter": "google.com" },
      text: "This is an aggregate TLS report from google.com",
      attachments: [
        {
          filename: "google.com!example.com!1744416000!1744502399!001.json.gz",
          content: gzipSync(JSON.stringify(googleReport())),
          contentType: "application/tlsrpt+gzip",
        },
      ],
    });
    const plain = await compose({
      from: "colleague@example.com",
      to: "tlsrpt@example.com",
      subject: "Lunch?",
      text: "Not a report.",
    });
    await imap(async (c) => {
      for (const e of emls) await c.append("INBOX", e.bytes);
      await c.append("INBOX", composed);
      await c.append("INBOX", plain);
    });
    const account = await createMailbox(
      t.db,
      {
        label: "rua inbox",
        host: dovecot.host,
        port: dovecot.port,
        security: "none",
        username: USER,
        password: PASS,
        folder: "INBOX",
        processedFolder: "TLS-RPT/Processed",
        pollMinutes: 15,
        enabled: true,
      },
      actor,
    );

    const first = await pollMailbox(t.db, account.id);
    expect(first).toEqual({
      ok: true,
      summary: {
        messages: 14,
        stored: 12,
        duplicates: 0,
        rejected: 0,
        unmanaged: 0,
        leftAlone: 2,
        moved: 12,
        flagged: 0,
      },
    });
    expect(await countRows(t.db)).toMatchObject({ reports: 12, rejected: 0 });
    expect(await count("INBOX")).toBe(2);
    // Dovecot's Maildir delimiter is ".": the poller wrote "TLS-RPT/Processed" in its terms.
    expect(await count("TLS-RPT.Processed")).toBe(12);
    const left = await imap(async (c) => {
      const lock = await c.getMailboxLock("INBOX");
      try {
        const msgs = await c.fetchAll("1:*", { envelope: true, flags: true });
        return msgs.map((m) => [m.envelope?.subject, [...(m.flags ?? [])].includes("\\Flagged")]);
      } finally {
        lock.release();
      }
    });
    // tlsrpt-rs__empty.eml is a cron mail with no report: left in place like "Lunch?".
    expect(left.map(([subject, flagged]) => `${String(subject).slice(0, 25)} ${flagged}`)).toEqual([
      "Cron <root@nagual> /usr/l false",
      "Lunch? false",
    ]);
    const stored = await mailboxForPoll(t.db, account.id);
    expect(stored?.lastError).toBeNull();
    expect(stored?.lastResult).toBe(
      "14 messages: 12 stored, 0 duplicates, 0 rejected, 0 for unmanaged domains, 2 without a report left in place",
    );

    const second = await pollMailbox(t.db, account.id);
    expect(second.ok && second.summary).toMatchObject({ messages: 2, stored: 0, leftAlone: 2 });
    expect((await countRows(t.db)).reports).toBe(12);

    // The same report by HTTPS after mail: stored once (RPT-ING-5).
    const [gz] = samples((n) => n === "mail-tls-rpt__report.json.gz");
    const viaHttps = await ingestBytes(t.db, gz?.bytes ?? Buffer.alloc(0), {
      channel: "https",
      source: "203.0.113.5",
    });
    expect(viaHttps.status).toBe("duplicate");
    expect((await countRows(t.db)).reports).toBe(12);
  });

  it("stores 'authentication failed' on the account when the password is wrong", async () => {
    const bad = await createMailbox(
      t.db,
      {
        label: "wrong password",
        host: dovecot.host,
        port: dovecot.port,
        security: "none",
        username: USER,
        password: "not-the-password",
        folder: "INBOX",
        processedFolder: "TLS-RPT/Processed",
        pollMinutes: 15,
        enabled: true,
      },
      actor,
    );
    const r = await pollMailbox(t.db, bad.id);
    const message = `authentication failed: 127.0.0.1:${dovecot.port} refused the username or password`;
    expect(r).toEqual({ ok: false, error: message });
    expect((await mailboxForPoll(t.db, bad.id))?.lastError).toBe(message);
  });

  it("names a refused connection", async () => {
    const closed = await createMailbox(
      t.db,
      {
        label: "nobody home",
        host: "127.0.0.1",
        port: 1,
        security: "none",
        username: USER,
        password: PASS,
        folder: "INBOX",
        processedFolder: "Processed",
        pollMinutes: 15,
        enabled: true,
      },
      actor,
    );
    expect(await pollMailbox(t.db, closed.id)).toEqual({
      ok: false,
      error: "could not connect to 127.0.0.1:1: connection refused",
    });
  });
});
