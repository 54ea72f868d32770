// The mailbox use cases refuse what would leak the stored IMAP password (issue 11): plain-text
// IMAP outside labs, and a changed host, port or security without the password typed again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { unseal } from "@/lib/crypto/seal";
import {
  FOLDERS_MUST_DIFFER,
  PASSWORD_AGAIN,
  PASSWORD_MISSING,
  PLAIN_IMAP_REFUSED,
} from "@/lib/mailbox/account-rules";
import { openTestDb, type TestDb } from "../db.test-utils";
import {
  createMailbox,
  listMailboxes,
  mailboxForPoll,
  updateMailbox,
  type MailboxInput,
} from "./imap-accounts";

let t: TestDb;
let actor = { userId: "", email: "admin@example.com" };
const lab = { allowPlainImap: true };
const production = { allowPlainImap: false };

const input = (over: Partial<MailboxInput> = {}): MailboxInput => ({
  label: "rua",
  host: "imap.example.com",
  port: 993,
  security: "tls",
  username: "rua@example.com",
  password: "first-password",
  folder: "INBOX",
  processedFolder: "TLS-RPT/Processed",
  rejectedFolder: "TLS-RPT/Rejected",
  pollMinutes: 15,
  enabled: true,
  ...over,
});

beforeAll(async () => {
  process.env.STS_SECRET ??= "test-secret-for-mailbox-passwords";
  t = await openTestDb();
  const admin = await t.db.user.create({
    data: { email: actor.email, name: "Admin", passwordHash: "x", role: "admin" },
  });
  actor = { userId: admin.id, email: admin.email };
});

beforeEach(async () => {
  await t.db.mailboxAccount.deleteMany();
});

afterAll(async () => {
  await t.close();
});

async function created(over: Partial<MailboxInput> = {}): Promise<string> {
  const r = await createMailbox(t.db, input(over), actor, production);
  if (!r.ok) throw new Error(r.error);
  return r.mailbox.id;
}

const storedPassword = async (id: string) => {
  const a = await mailboxForPoll(t.db, id);
  const p = a ? unseal(a.passwordSealed) : null;
  return p?.ok ? p.value : null;
};

describe("mailbox accounts: the stored password stays with its server", () => {
  it("refuses plain-text IMAP unless the lab setting allows it, and stores nothing", async () => {
    const plain = input({ security: "none", port: 143 });
    expect(await createMailbox(t.db, plain, actor, production)).toEqual({
      ok: false,
      error: PLAIN_IMAP_REFUSED,
      ref: { key: "plainImapRefused" },
    });
    expect(PLAIN_IMAP_REFUSED).toBe(
      'IMAP without TLS sends the password in clear: choose TLS or STARTTLS (security "none" is allowed only in labs, with STS_ALLOW_PLAIN_IMAP=1).',
    );
    expect(await listMailboxes(t.db)).toEqual([]);
    const r = await createMailbox(t.db, plain, actor, lab);
    expect(r.ok && r.mailbox.security).toBe("none");
  });

  it("refuses switching a stored account to plain text outside labs, even with the password", async () => {
    const id = await created();
    const r = await updateMailbox(
      t.db,
      id,
      input({ security: "none", port: 143, password: "first-password" }),
      actor,
      production,
    );
    expect(r).toEqual({ ok: false, error: PLAIN_IMAP_REFUSED, ref: { key: "plainImapRefused" } });
    expect((await mailboxForPoll(t.db, id))?.security).toBe("tls");
  });

  it.each([
    ["host", { host: "imap.attacker.example" }],
    ["port", { port: 1993 }],
    ["security", { security: "starttls" as const }],
  ])(
    "a changed %s without the password is refused and nothing changes",
    async (_, change: Partial<MailboxInput>) => {
      const id = await created();
      const r = await updateMailbox(
        t.db,
        id,
        input({ ...change, password: "" }),
        actor,
        production,
      );
      expect(r).toEqual({ ok: false, error: PASSWORD_AGAIN, ref: { key: "mailboxPasswordAgain" } });
      expect(PASSWORD_AGAIN).toBe(
        "The host, port or security changed: enter the password again, so the stored one is never sent to a different server.",
      );
      const after = await mailboxForPoll(t.db, id);
      expect([after?.host, after?.port, after?.security]).toEqual(["imap.example.com", 993, "tls"]);
      expect(await storedPassword(id)).toBe("first-password");
    },
  );

  it("a changed endpoint with the password typed again is saved with that password", async () => {
    const id = await created();
    const r = await updateMailbox(
      t.db,
      id,
      input({ host: "imap2.example.com", password: "second-password" }),
      actor,
      production,
    );
    expect(r.ok && r.mailbox.host).toBe("imap2.example.com");
    expect(await storedPassword(id)).toBe("second-password");
  });

  it("other changes keep the stored password when it is left empty (host case does not count)", async () => {
    const id = await created();
    const r = await updateMailbox(
      t.db,
      id,
      input({ host: "IMAP.Example.com", label: "renamed", pollMinutes: 5, password: "" }),
      actor,
      production,
    );
    expect(r.ok && [r.mailbox.label, r.mailbox.pollMinutes]).toEqual(["renamed", 5]);
    expect(await storedPassword(id)).toBe("first-password");
  });

  it("a new account needs a password; the three folders must differ", async () => {
    expect(await createMailbox(t.db, input({ password: "" }), actor, production)).toEqual({
      ok: false,
      error: PASSWORD_MISSING,
      ref: { key: "mailboxPasswordMissing" },
    });
    const same = input({ rejectedFolder: "inbox" });
    expect(await createMailbox(t.db, same, actor, production)).toEqual({
      ok: false,
      error: FOLDERS_MUST_DIFFER,
      ref: { key: "mailboxFoldersDiffer" },
    });
    expect(await listMailboxes(t.db)).toEqual([]);
  });

  it("an update of a removed account says so", async () => {
    expect(await updateMailbox(t.db, "gone", input(), actor, production)).toEqual({
      ok: false,
      error: "That mailbox was removed meanwhile.",
      ref: { key: "mailboxRemovedMeanwhile" },
    });
  });
});
