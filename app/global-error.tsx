"use client";

import { useSyncExternalStore } from "react";
import { GlobalErrorView } from "@/components/errors/global-error-view";
import { DEFAULT_LOCALE, localeFromBrowser } from "@/lib/i18n/locale";
import "./globals.css";

// The root layout itself failed: this replaces it, so it brings its own <html> and has no
// request id from the layout; the error digest is logged with the request id on the server.
// Its language is the browser's (navigator.languages); a server render shows English and
// the browser switches on hydration, so the two never disagree.
const noSubscription = () => () => {};
const browserLocale = () => localeFromBrowser(navigator.languages);

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const locale = useSyncExternalStore(noSubscription, browserLocale, () => DEFAULT_LOCALE);
  return <GlobalErrorView locale={locale} digest={error.digest} />;
}
