import { useTranslations } from "next-intl";
import { Inbox } from "lucide-react";
import Link from "next/link";

/** Link to a domain's received-reports list (for the Reports tab and the settings page). */
export function ReceivedReportsLink({ domain }: { domain: string }) {
  const t = useTranslations("reports.titles");
  return (
    <Link
      href={`/domains/${encodeURIComponent(domain)}/reports/received`}
      className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 hover:underline"
    >
      <Inbox aria-hidden className="size-4" />
      {t("received")}
    </Link>
  );
}
