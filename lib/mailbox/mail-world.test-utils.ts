// Shared setup for the poller tests: a real Dovecot (e2e/dovecot) on loopback, a fresh test
// database with an admin and the managed domains, and small IMAP helpers to deliver mail
// and look into folders the way a mail client would. A lab DNS server stands in for the
// internet's DNS (STS_DNS_SERVERS), so DKIM keys resolve only to what a test publishes.
import { ImapFlow } from "imapflow";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { startDovecot, type DovecotServer } from "@/e2e/dovecot/dovecot";
import { startDnsServer, type DnsServerHandle, type ZoneRecord } from "@/e2e/servers/dns-server";
import { createMailbox, type MailboxInput } from "@/lib/db/mailboxes/imap-accounts";
import { openTestDb, type TestDb } from "@/lib/db/db.test-utils";

export const USER = "reports";
export const PASS = "s3cret-app-password";

export interface World {
  dovecot: DovecotServer;
  /** The DNS the poller's DKIM checks ask (STS_DNS_SERVERS points at it). */
  dns: DnsServerHandle;
  t: TestDb;
  actor: { userId: string; email: string };
  imap<T>(fn: (c: ImapFlow) => Promise<T>): Promise<T>;
  /** Messages in a folder, by its server path ("." is Dovecot's Maildir delimiter). */
  count(path: string): Promise<number>;
  /** Subject and flags of every message in a folder. */
  list(path: string): Promise<{ subject: string; flags: string[] }[]>;
  deliver(folder: string, ...messages: Buffer[]): Promise<void>;
  /** Creates an account on the test Dovecot; throws if the use case refuses it. */
  account(overrides?: Partial<MailboxInput>): Promise<string>;
  stop(): Promise<void>;
}

export function compose(opts: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(opts).compile().build();
}

export async function startWorld(domains: string[], dnsRecords: ZoneRecord[] = []): Promise<World> {
  process.env.STS_SECRET ??= "test-secret-for-mailbox-passwords";
  // The test Dovecot speaks plain-text IMAP on loopback: the lab setting allows it.
  process.env.STS_ALLOW_PLAIN_IMAP = "1";
  const dovecot = await startDovecot([{ user: USER, pass: PASS }]);
  const dns = await startDnsServer(dnsRecords);
  process.env.STS_DNS_SERVERS = dns.address;
  const t = await openTestDb();
  const admin = await t.db.user.create({
    data: { email: "admin@example.com", name: "Admin", passwordHash: "x", role: "admin" },
  });
  const actor = { userId: admin.id, email: admin.email };
  await t.db.domain.createMany({
    data: [...new Set(domains)].map((name) => ({ name, displayName: name })),
  });

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

  return {
    dovecot,
    dns,
    t,
    actor,
    imap,
    count: (path) =>
      imap(async (c) => {
        const st = await c.status(path, { messages: true }).catch(() => null);
        return st ? (st.messages ?? 0) : 0;
      }),
    list: (path) =>
      imap(async (c) => {
        const lock = await c.getMailboxLock(path);
        try {
          const msgs = await c.fetchAll("1:*", { envelope: true, flags: true });
          return msgs.map((m) => ({
            subject: m.envelope?.subject ?? "",
            flags: [...(m.flags ?? [])].filter((f) => f !== "\\Recent").sort(),
          }));
        } finally {
          lock.release();
        }
      }),
    deliver: (folder, ...messages) =>
      imap(async (c) => {
        if (folder.toUpperCase() !== "INBOX") await c.mailboxCreate(folder).catch(() => null);
        for (const m of messages) await c.append(folder, m);
      }),
    async account(overrides = {}) {
      const r = await createMailbox(
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
          rejectedFolder: "TLS-RPT/Rejected",
          pollMinutes: 15,
          enabled: true,
          ...overrides,
        },
        actor,
        { allowPlainImap: true },
      );
      if (!r.ok) throw new Error(r.error);
      return r.mailbox.id;
    },
    async stop() {
      await t.close();
      await dovecot.stop();
      await dns.close();
      delete process.env.STS_DNS_SERVERS;
    },
  };
}
