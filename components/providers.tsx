"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import { useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { MESSAGES } from "@/lib/i18n/messages";

// The client side's providers: TanStack Query, and next-intl with the request's locale.
// The messages come from this module's own import (the client bundle, fetched once and cached
// by the browser), not as a prop from the server layout: a prop is serialised into every
// page's HTML (about 100 KB, the whole catalogue), which cost every full page render its
// CPU (issue 14, bench:watch). The server side (i18n/request.ts) uses the same MESSAGES, so
// the server's render and the browser's agree. Times are shown in UTC everywhere.
export function Providers({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }),
  );
  return (
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </NextIntlClientProvider>
  );
}
