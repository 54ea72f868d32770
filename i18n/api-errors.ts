import { createTranslator } from "next-intl";
import { NextResponse } from "next/server";
import { errorRefOf } from "@/lib/http/errors";
import { DEFAULT_LOCALE, resolveLocale } from "@/lib/i18n/locale";
import { MESSAGES } from "@/lib/i18n/messages";

// API errors in the user's language (issue 16 §6, ARCHITECTURE.md "Languages"). Route
// handlers answer {"error": English sentence} and name its message ("apiErrors" namespace)
// through fail(kind, message, ref); withUser passes every answer through here. The language
// is the request's, chosen as for pages (lib/i18n/locale.ts): the user's setting, else the
// Accept-Language header, else English. A script without either gets the English it always
// got; an answer without a key stays English.

export function inUserLanguage(
  res: Response,
  req: Request,
  userLocale: string | null | undefined,
): Response {
  const ref = errorRefOf(res);
  if (!ref) return res;
  const locale = resolveLocale(userLocale, req.headers.get("accept-language"));
  if (locale === DEFAULT_LOCALE) return res;
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "apiErrors" });
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return NextResponse.json(
    { error: t(ref.key as Parameters<typeof t>[0], ref.params) },
    { status: res.status, headers },
  );
}
