import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { setUserLocale } from "@/lib/db/users/users";
import { fail } from "@/lib/http/errors";
import { withUser } from "@/lib/http/handler";
import { UNKNOWN_LANGUAGE } from "@/lib/http/route-refusals";
import { LOCALES } from "@/lib/i18n/locale";

// The signed-in user's own UI language (issue 16 §6), any role: PUT {"locale": "en" | "de"
// | null}; null follows the browser's language again.

const LocaleBody = z.object({ locale: z.enum(LOCALES).nullable() });

export const PUT = withUser("viewer", async (req, user) => {
  const body = LocaleBody.safeParse(await req.json().catch(() => null));
  if (!body.success) return fail("invalid", UNKNOWN_LANGUAGE.message, UNKNOWN_LANGUAGE.ref);
  await setUserLocale(await getDb(), user.id, body.data.locale);
  return NextResponse.json({ locale: body.data.locale });
});
