"use client";

import { PlainRequestReference } from "@/components/errors/request-id";
import "./globals.css";

// The root layout itself failed: this replaces it, so it brings its own <html> and has no
// request id from the layout; the error digest is logged with the request id on the server.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
          <h1 className="text-2xl font-semibold">Something went wrong</h1>
          <p className="text-sm text-slate-600">
            STS Rollout could not show this page. Reload it; if it keeps failing, give the reference
            below to whoever runs this installation.
          </p>
          <PlainRequestReference requestId={null} digest={error.digest} />
        </main>
      </body>
    </html>
  );
}
