import { useTranslations } from "next-intl";

// Shown while a dashboard page loads its data on the server (domain list, reports, audit
// log, …): the shell stays, the content area says it is coming.
export default function Loading() {
  const t = useTranslations("ui");
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-7 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-40 animate-pulse rounded-lg border border-slate-200 bg-white" />
      <div className="h-24 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
