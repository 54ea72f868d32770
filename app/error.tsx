"use client";

import Link from "next/link";
import { ErrorReference } from "@/components/errors/request-id";

// An unexpected failure while rendering a page: a generic message (the details are in the
// server log, never sent to the browser), the request id to quote, and a way on.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-slate-600">
        This page could not be shown. Try again; if it keeps failing, give the reference below to
        whoever runs this installation: the server log has the details under it.
      </p>
      <ErrorReference digest={error.digest} />
      <div className="flex gap-4 text-sm font-medium">
        <button type="button" onClick={reset} className="text-brand-700 hover:underline">
          Try again
        </button>
        <Link href="/domains" className="text-brand-700 hover:underline">
          Go to your domains
        </Link>
      </div>
    </main>
  );
}
