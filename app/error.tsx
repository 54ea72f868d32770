"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("errors");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">{t("error.title")}</h1>
      <p className="text-sm text-slate-600">{t("error.text")}</p>
      <ErrorReference digest={error.digest} />
      <div className="flex gap-4 text-sm font-medium">
        <button type="button" onClick={reset} className="text-brand-700 hover:underline">
          {t("error.retry")}
        </button>
        <Link href="/domains" className="text-brand-700 hover:underline">
          {t("toDomains")}
        </Link>
      </div>
    </main>
  );
}
