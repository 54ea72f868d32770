import type { Metadata, Viewport } from "next";
import { Providers } from "@/components/providers";
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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
