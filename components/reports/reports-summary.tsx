import { useLocale, useTranslations } from "next-intl";
import { BarChart3 } from "lucide-react";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { DomainRecord } from "@/lib/db/domains/domains";
import type { DomainHealth } from "@/lib/db/stats/get-domain-health";
import { formatRate } from "@/lib/stats/aggregate";
import { formatUtcDay } from "@/lib/core/format-date";
import { formatCount } from "@/lib/core/format-number";

// The Overview page's report card: last 7 days and the readiness count, with links. The
// page loads the health figures and passes them down.
export function ReportsSummary({
  domain,
  health: h,
}: {
  domain: DomainRecord;
  health: DomainHealth;
}) {
  const t = useTranslations("reports.card");
  const locale = useLocale();
  const week = h.week.successful + h.week.failed;
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={t("hint")}
        actions={
          <Link
            href={`/domains/${domain.name}/reports`}
            className="text-sm text-brand-700 hover:underline"
          >
            {t("open")}
          </Link>
        }
      />
      {h.lastReportDay === null ? (
        <div className="flex items-center gap-3 px-5 py-6 text-sm text-slate-600">
          <BarChart3 aria-hidden className="size-8 text-slate-300" />
          <p>
            {t.rich("none", {
              domain: domain.displayName,
              code: (chunks) => <code>{chunks}</code>,
            })}
          </p>
        </div>
      ) : (
        <dl className="grid grid-cols-2 gap-4 px-5 py-4 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-600">{t("sessions")}</dt>
            <dd className="text-xl font-semibold tabular-nums">{formatCount(week, locale)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">{t("rate")}</dt>
            <dd className="text-xl font-semibold tabular-nums">
              {formatRate(h.week.rate, locale)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">{t("lastDay")}</dt>
            <dd className="text-xl font-semibold tabular-nums">
              {formatUtcDay(h.lastReportDay, locale)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">{t("ready")}</dt>
            <dd className="text-xl font-semibold tabular-nums">
              <Link href={`/domains/${domain.name}/enforce`} className="hover:underline">
                {t("met", { met: h.readiness.met, total: h.readiness.total })}
              </Link>
            </dd>
          </div>
        </dl>
      )}
    </Card>
  );
}
