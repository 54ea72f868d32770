import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { RequestIdProvider } from "@/components/errors/request-id";
import { Providers } from "@/components/providers";
import { REQUEST_ID_HEADER } from "@/lib/http/request-id";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "STS Rollout", template: "%s · STS Rollout" },
  description: "Take your mail domains to MTA-STS enforce, safely.",
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page renders per request: Next puts proxy.ts's per-request CSP nonce on its scripts
// only while rendering, so a page prerendered at build time would be blocked by the CSP.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const requestId = (await headers()).get(REQUEST_ID_HEADER);
  const requested = await getLocale();
  const locale: Locale = isLocale(requested) ? requested : "en";
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <RequestIdProvider requestId={requestId}>
          {/* Client components get the request's locale from here (messages: providers.tsx). */}
          <Providers locale={locale}>{children}</Providers>
        </RequestIdProvider>
      </body>
    </html>
  );
}
