import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { fail } from "@/lib/http/errors";
import { withUser } from "@/lib/http/handler";
import { describeSummary, pollMailbox, summaryRef } from "@/lib/mailbox/poll";

type Params = { id: string };

// POST: poll one mailbox now ("Poll now" on the settings page). The outcome is also stored
// on the mailbox (last poll, last error), which the page shows after it refreshes.
export const POST = withUser<Params>("admin", async (_req, _user, { id }) => {
  const r = await pollMailbox(await getDb(), id);
  if (!r.ok) return fail("upstream", r.error, r.ref);
  // ref: the same summary as a "settings.mailboxes" message, for the page's language.
  return NextResponse.json({ message: describeSummary(r.summary), ref: summaryRef(r.summary) });
});
