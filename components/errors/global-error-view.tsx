"use client";

import { NextIntlClientProvider, useTranslations } from "next-intl";
import deErrors from "@/messages/de/errors.json";
import deUi from "@/messages/de/ui.json";
import enErrors from "@/messages/en/errors.json";
import enUi from "@/messages/en/ui.json";
import type { Locale } from "@/lib/i18n/locale";
import { RequestReference } from "./request-id";

// app/global-error.tsx replaces the root layout, so no messages provider is above it and it
// cannot ask the server for the request's language. It brings its own: the two namespaces
// it shows, in both languages, imported statically (a few hundred bytes), and the locale the
// browser chose (issue 16 §6).
const MESSAGES = {
  en: { errors: enErrors, ui: enUi },
  de: { errors: deErrors, ui: deUi },
} as const;

export function GlobalErrorView({ locale, digest }: { locale: Locale; digest?: string }) {
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
          <Body digest={digest} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

function Body({ digest }: { digest?: string | undefined }) {
  const t = useTranslations("errors");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">{t("error.title")}</h1>
      <p className="text-sm text-slate-600">{t("global.text")}</p>
      <RequestReference requestId={null} digest={digest} />
    </main>
  );
}
