// Issue 16 §6: a poll that fails because the stored password cannot be unsealed (the app's
// secret changed) is stored as the mailbox's last error with its "apiErrors" message, which
// the settings page shows in the reader's language, and "Poll now" answers it in the user's
// language. The poll stops before connecting, so no IMAP server is needed.
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inUserLanguage } from "@/i18n/api-errors";
import { seal } from "@/lib/crypto/seal";
import { openTestDb, type TestDb } from "@/lib/db/db.test-utils";
import { createMailbox, listMailboxes, mailboxForPoll } from "@/lib/db/mailboxes/imap-accounts";
import { fail } from "@/lib/http/errors";
import { MESSAGES } from "@/lib/i18n/messages";
import { pollMailbox } from "./poll";

const CANNOT_DECRYPT =
  "the stored password cannot be decrypted (was STS_SECRET or NEXTAUTH_SECRET changed?); enter it again";
const GERMAN =
  "das gespeicherte Passwort lässt sich nicht entschlüsseln (wurde STS_SECRET oder NEXTAUTH_SECRET geändert?); geben Sie es erneut ein";

let t: TestDb;
let id: string;

beforeAll(async () => {
  process.env.STS_SECRET ??= "test-secret-for-mailbox-passwords";
  t = await openTestDb();
  const admin = await t.db.user.create({
    data: { email: "admin@example.com", name: "Admin", passwordHash: "x", role: "admin" },
  });
  const r = await createMailbox(
    t.db,
    {
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
    },
    { userId: admin.id, email: admin.email },
    { allowPlainImap: false },
  );
  if (!r.ok) throw new Error(r.error);
  id = r.mailbox.id;
  // As after STS_SECRET changed: the stored password was sealed under another secret.
  await t.db.mailboxAccount.update({
    where: { id },
    data: { passwordSealed: seal("first-password", { STS_SECRET: "the old secret" }) },
  });
});

afterAll(async () => {
  await t.close();
});

describe("a stored password that cannot be unsealed", () => {
  it("fails the poll with its message, stores it as the last error, and reads in German", async () => {
    const r = await pollMailbox(t.db, id, { allowPlainImap: false });
    expect(r).toEqual({ ok: false, error: CANNOT_DECRYPT, ref: { key: "sealCannotDecrypt" } });

    // Stored on the account: the English, and the ref the settings page translates.
    const stored = await mailboxForPoll(t.db, id);
    expect([stored?.lastError, stored?.lastRef]).toEqual([
      CANNOT_DECRYPT,
      { key: "sealCannotDecrypt" },
    ]);
    const [view] = await listMailboxes(t.db);
    const ref = view?.lastRef;
    expect(ref).toEqual({ key: "sealCannotDecrypt" });
    const translate = (locale: "en" | "de") => {
      const tr = createTranslator({ locale, messages: MESSAGES[locale], namespace: "apiErrors" });
      return tr(ref!.key as Parameters<typeof tr>[0], ref!.params);
    };
    expect([translate("en"), translate("de")]).toEqual([CANNOT_DECRYPT, GERMAN]);

    // "Poll now" answers fail("upstream", r.error, r.ref) through withUser's inUserLanguage.
    if (r.ok) return;
    const answer = async (userLocale: string | null) => {
      const res = inUserLanguage(
        fail("upstream", r.error, r.ref),
        new Request("http://localhost/api/mailboxes/x/poll", { method: "POST" }),
        userLocale,
      );
      return [res.status, await res.json()];
    };
    expect(await answer("de")).toEqual([502, { error: GERMAN }]);
    expect(await answer(null)).toEqual([502, { error: CANNOT_DECRYPT }]);
  });
});
