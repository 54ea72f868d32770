import { NextResponse } from "next/server";
import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { deleteMailbox, updateMailbox } from "@/lib/db/mailboxes/imap-accounts";
import { fail } from "@/lib/http/errors";
import { withUser } from "@/lib/http/handler";
import { parseMailboxInput } from "@/lib/mailbox/mailbox-input";

type Params = { id: string };

// PUT: edit a mailbox. An empty password keeps the stored one, unless the host, port or
// security changed: then the use case wants it typed again (lib/mailbox/account-rules.ts).
export const PUT = withUser<Params>("admin", async (req, user, { id }) => {
  const parsed = parseMailboxInput(await req.json().catch(() => null));
  if (!parsed.ok) return fail("invalid", parsed.error, parsed.ref);
  const r = await updateMailbox(
    await getDb(),
    id,
    parsed.value,
    { userId: user.id, email: user.email },
    { allowPlainImap: settings().STS_ALLOW_PLAIN_IMAP },
  );
  if (!r.ok) return fail("invalid", r.error, r.ref);
  return NextResponse.json({ id: r.mailbox.id, label: r.mailbox.label });
});

export const DELETE = withUser<Params>("admin", async (_req, user, { id }) => {
  const removed = await deleteMailbox(await getDb(), id, { userId: user.id, email: user.email });
  if (!removed)
    return fail("not-found", "That mailbox was already removed.", { key: "mailboxGone" });
  return new NextResponse(null, { status: 204 });
});
