import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/locale";
import { MESSAGES } from "@/lib/i18n/messages";

// next-intl without i18n routing (no locale in the URL): the language of each request is the
// signed-in user's setting (User.locale), else the browser's Accept-Language, else English.
// Sign-in and first run (no user) follow the browser. Times are shown in UTC everywhere, so
// the server's render and the browser's agree.
export default getRequestConfig(async () => {
  const [user, h] = await Promise.all([currentUser(), headers()]);
  const locale = resolveLocale(user?.locale, h.get("accept-language"));
  return { locale, messages: MESSAGES[locale], timeZone: "UTC" };
});
