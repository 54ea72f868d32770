import { createTranslator } from "next-intl";
import { NextResponse } from "next/server";
import { errorRefOf, type ErrorRef } from "@/lib/http/errors";
import { DEFAULT_LOCALE, resolveLocale, type Locale } from "@/lib/i18n/locale";
import { MESSAGES } from "@/lib/i18n/messages";

// API errors in the user's language (issue 16 §6, ARCHITECTURE.md "Languages"). Route
// handlers answer {"error": English sentence} and name its message ("apiErrors" namespace)
// through fail(kind, message, ref); withUser passes every answer through here. The language
// is the request's, chosen as for pages (lib/i18n/locale.ts): the user's setting, else the
// Accept-Language header, else English. A script without either gets the English it always
// got; an answer without a key stays English. An answer made of diagnostics (a draft policy's
// problems) is translated sentence by sentence and joined with a space, as lib joined them.

export function inUserLanguage(
  res: Response,
  req: Request,
  userLocale: string | null | undefined,
): Response {
  const ref = errorRefOf(res);
  if (!ref) return res;
  const locale = resolveLocale(userLocale, req.headers.get("accept-language"));
  if (locale === DEFAULT_LOCALE) return res;
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return NextResponse.json({ error: translate(ref, locale) }, { status: res.status, headers });
}

function translate(ref: ErrorRef, locale: Locale): string {
  if ("diagnostics" in ref) {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "diagnostics" });
    return ref.diagnostics.map((d) => t(d.key as Parameters<typeof t>[0], d.params)).join(" ");
  }
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "apiErrors" });
  return t(ref.key as Parameters<typeof t>[0], ref.params);
}
