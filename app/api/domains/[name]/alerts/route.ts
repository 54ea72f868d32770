import { NextResponse } from "next/server";
import { z } from "zod";
import { ALERT_KINDS } from "@/lib/alerts/kinds";
import { WEBHOOK_FORMATS } from "@/lib/alerts/payloads";
import { parseRecipients } from "@/lib/alerts/settings-rules";
import { getDb } from "@/lib/db/client";
import { saveAlertSettings } from "@/lib/db/alerts/alert-settings";
import { LOCALES } from "@/lib/i18n/locale";
import { fail, failed } from "@/lib/http/errors";
import { withDomain } from "@/lib/http/with-domain";

// PUT: a domain's alert channels and the kinds it turned off (issue 14 §3). The answer
// carries a new webhook signing secret once, when this save made one.
const Body = z.object({
  emailEnabled: z.boolean(),
  emailRecipients: z.string().max(6000),
  webhookEnabled: z.boolean(),
  webhookUrl: z.string().max(2100),
  webhookFormat: z.enum(WEBHOOK_FORMATS),
  disabledKinds: z.array(z.enum(ALERT_KINDS)).max(ALERT_KINDS.length),
  locale: z.enum(LOCALES).optional(),
});

export const PUT = withDomain("admin", async (req, user, domain) => {
  const body = Body.safeParse(await req.json().catch(() => null));
  if (!body.success)
    return fail(
      "invalid",
      "Send JSON with emailEnabled, emailRecipients, webhookEnabled, webhookUrl, webhookFormat (standard, slack or teams), disabledKinds and optionally locale (en or de).",
      { key: "alertsBody" },
    );
  const recipients = parseRecipients(body.data.emailRecipients);
  if (!recipients.ok) return failed(recipients.error);
  const saved = await saveAlertSettings(
    await getDb(),
    domain.id,
    { ...body.data, emailRecipients: recipients.value },
    { userId: user.id, email: user.email },
  );
  if (!saved.ok) return failed(saved.error);
  return NextResponse.json(saved.value);
});
