import { useLocale } from "next-intl";
import { BarChart3 } from "lucide-react";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import type { DomainRecord } from "@/lib/db/domains/domains";
import type { DomainHealth } from "@/lib/db/stats/get-domain-health";
import { formatRate } from "@/lib/stats/aggregate";
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
  const locale = useLocale();
  const week = h.week.successful + h.week.failed;
  return (
    <Card>
      <CardHeader
        title="TLS reports"
        description="Daily reports from sending servers (Google, Microsoft, …) show which deliveries succeeded over TLS and which failed, per MX host."
        actions={
          <Link
            href={`/domains/${domain.name}/reports`}
            className="text-sm text-brand-700 hover:underline"
          >
            Open the dashboard
          </Link>
        }
      />
      {h.lastReportDay === null ? (
        <div className="flex items-center gap-3 px-5 py-6 text-sm text-slate-600">
          <BarChart3 aria-hidden className="size-8 text-slate-300" />
          <p>
            No reports for {domain.displayName} yet: is <code>_smtp._tls</code> published? Reports
            arrive once a day.
          </p>
        </div>
      ) : (
        <dl className="grid grid-cols-2 gap-4 px-5 py-4 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-600">Sessions, last 7 days</dt>
            <dd className="text-xl font-semibold tabular-nums">{formatCount(week, locale)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">Failure rate, last 7 days</dt>
            <dd className="text-xl font-semibold tabular-nums">{formatRate(h.week.rate)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">Last report day</dt>
            <dd className="text-xl font-semibold tabular-nums">{h.lastReportDay}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">Ready to enforce</dt>
            <dd className="text-xl font-semibold tabular-nums">
              <Link href={`/domains/${domain.name}/enforce`} className="hover:underline">
                {h.readiness.met}/{h.readiness.total} met
              </Link>
            </dd>
          </div>
        </dl>
      )}
    </Card>
  );
}
