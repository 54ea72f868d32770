import { NextResponse } from "next/server";
import { regenerateWebhookSecret } from "@/lib/db/alerts/alert-settings";
import { getDb } from "@/lib/db/client";
import { withDomain } from "@/lib/http/with-domain";

// POST: a new webhook signing secret (whsec_…), replacing the old one at once. It is in
// this answer only: the app stores it sealed and never shows it again.
export const POST = withDomain("admin", async (_req, user, domain) => {
  const secret = await regenerateWebhookSecret(await getDb(), domain.id, {
    userId: user.id,
    email: user.email,
  });
  return NextResponse.json({ secret });
});
