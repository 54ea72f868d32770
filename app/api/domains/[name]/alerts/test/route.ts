import { NextResponse } from "next/server";
import { alertLinkBase } from "@/lib/config/alert-env";
import { alertChannelsFromEnv } from "@/lib/db/alerts/env-channels";
import { sendTestAlert } from "@/lib/db/alerts/send-test-alert";
import { getDb } from "@/lib/db/client";
import { failed } from "@/lib/http/errors";
import { withDomain } from "@/lib/http/with-domain";

// POST: raise a TEST alert and deliver it now; the answer says what each channel did.
export const POST = withDomain("admin", async (_req, user, domain) => {
  const r = await sendTestAlert(await getDb(), domain, alertChannelsFromEnv(), {
    by: user.email,
    linkBase: alertLinkBase(),
  });
  if (!r.ok) return failed(r.error);
  return NextResponse.json({ deliveries: r.value });
});
