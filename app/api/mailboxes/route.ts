import { NextResponse } from "next/server";
import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { createMailbox } from "@/lib/db/mailboxes/imap-accounts";
import { fail } from "@/lib/http/errors";
import { withUser } from "@/lib/http/handler";
import { parseMailboxInput } from "@/lib/mailbox/mailbox-input";

// POST: add an IMAP mailbox that receives reports sent to a mailto: rua (settings page).
// The use case refuses plain-text IMAP outside labs (lib/mailbox/account-rules.ts).
export const POST = withUser("admin", async (req, user) => {
  const parsed = parseMailboxInput(await req.json().catch(() => null));
  if (!parsed.ok) return fail("invalid", parsed.error, parsed.ref);
  const r = await createMailbox(
    await getDb(),
    parsed.value,
    { userId: user.id, email: user.email },
    { allowPlainImap: settings().STS_ALLOW_PLAIN_IMAP },
  );
  if (!r.ok) return fail("invalid", r.error, r.ref);
  return NextResponse.json({ id: r.mailbox.id, label: r.mailbox.label }, { status: 201 });
});
