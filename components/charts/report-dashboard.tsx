"use client";

import { useLocale, useTranslations } from "next-intl";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { queryKeys } from "@/lib/query/keys";
import { failureRate, formatRate } from "@/lib/stats/aggregate";
import type { DomainStats } from "@/lib/stats/types";
import { FailureDrilldown } from "./failure-drilldown";
import { FailureTable } from "./failure-table";
import type { BarSelection } from "./mx-failure-chart";
import { RangeFilter } from "./range-filter";
import { ReporterTable } from "./reporter-table";
import { ResultTypeLegend } from "./result-type-legend";
import { useDashboardUrl } from "./use-dashboard-url";
import { formatUtcDay, formatUtcMinute } from "@/lib/core/format-date";
import { formatCount } from "@/lib/core/format-number";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { dailySummaryRef, mxSummaryRef } from "@/lib/stats/chart-summary";
import { ChartFigure, DailyTable } from "./chart-figure";
import { ChartPatterns } from "./chart-patterns";

// Recharts stays out of the page's first-load JavaScript: both charts load on demand.
const placeholder = () => <div className="h-56 animate-pulse rounded bg-slate-50" />;
const DailyChart = dynamic(() => import("./daily-chart").then((m) => m.DailyChart), {
  ssr: false,
  loading: placeholder,
});
const MxFailureChart = dynamic(() => import("./mx-failure-chart").then((m) => m.MxFailureChart), {
  ssr: false,
  loading: placeholder,
});

async function fetchStats(
  domain: string,
  from: string,
  to: string,
  mx: string | null,
  failed: (status: number) => string,
) {
  const q = new URLSearchParams({ from, to });
  if (mx !== null) q.set("mx", mx);
  const res = await fetch(`/api/domains/${encodeURIComponent(domain)}/stats?${q}`);
  if (!res.ok) throw new Error(failed(res.status));
  return (await res.json()) as DomainStats;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" aria-label={label}>
        {value}
      </dd>
    </div>
  );
}

export function ReportDashboard({ domain, initial }: { domain: string; initial: DomainStats }) {
  const t = useTranslations("reports");
  const locale = useLocale();
  const say = (ref: MessageRef) => t(ref.key as Parameters<typeof t>[0], ref.params);
  const [view, setView] = useDashboardUrl();
  const [selection, setSelection] = useState<BarSelection | null>(null);
  const { from, to } = view.range;
  const isInitial = initial.from === from && initial.to === to && initial.mx === view.mx;
  const q = useQuery({
    queryKey: queryKeys.domainStats(domain, from, to, view.mx),
    queryFn: () =>
      fetchStats(domain, from, to, view.mx, (status) =>
        t("dashboard.loadError", { status: String(status) }),
      ),
    initialData: isInitial ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const s = q.data ?? initial;
  const onAxis = s.markers.filter((m) => m.day <= s.to);
  const empty = s.totals.successful + s.totals.failed === 0 && s.mxFailures.length === 0;
  const range = { from: formatUtcDay(s.from, locale), to: formatUtcDay(s.to, locale) };
  const description =
    s.mx === null
      ? t("dashboard.range", range)
      : s.mx
        ? t("dashboard.rangeMx", { ...range, mx: s.mx })
        : t("dashboard.rangeMxUnnamed", range);
  return (
    <div className="space-y-6">
      <ChartPatterns resultTypes={s.resultTypes} />
      <Card>
        <CardHeader title={t("dashboard.title")} description={description} />
        <div className="space-y-4 px-5 py-4">
          <RangeFilter view={view} mxHosts={s.mxHosts} onChange={setView} />
          {q.error ? <Alert tone="bad">{q.error.message}</Alert> : null}
          <dl className="grid grid-cols-3 gap-4">
            <Figure
              label={t("dashboard.successful")}
              value={formatCount(s.totals.successful, locale)}
            />
            <Figure label={t("dashboard.failed")} value={formatCount(s.totals.failed, locale)} />
            <Figure
              label={t("dashboard.rate")}
              value={formatRate(failureRate(s.totals.successful, s.totals.failed), locale)}
            />
          </dl>
          {empty ? (
            <Alert tone="info">
              {t.rich("dashboard.empty", { code: (chunks) => <code>{chunks}</code> })}
            </Alert>
          ) : (
            <ChartFigure
              summary={say(dailySummaryRef(s.daily, s.from, s.to, locale))}
              table={<DailyTable daily={s.daily} />}
            >
              <DailyChart daily={s.daily} markers={onAxis} />
            </ChartFigure>
          )}
          {s.markers.length > 0 ? (
            <ul className="text-xs text-slate-600" aria-label={t("dashboard.policyChanges")}>
              {s.markers.map((m) => (
                <li key={m.seq}>
                  {t("dashboard.marker", {
                    when: formatUtcMinute(m.createdAt, locale),
                    policyId: m.policyId,
                    reason: m.reason,
                    mode: m.mode,
                    maxAge: String(m.maxAge),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </Card>
      <Card>
        <CardHeader title={t("dashboard.mxTitle")} description={t("dashboard.mxHint")} />
        <div className="space-y-5 px-5 py-4">
          {s.mxFailures.length === 0 ? (
            <p className="text-sm text-slate-600">
              {empty ? t("dashboard.nothingYet") : t("dashboard.noFailures")}
            </p>
          ) : (
            s.mxFailures.map((m) => (
              <div key={m.mxHost}>
                <h3 className="text-sm font-medium">
                  <span className="font-mono">{m.mxHost || t("dashboard.mxUnnamed")}</span>{" "}
                  <span className="ml-1 text-slate-600">
                    {t("dashboard.mxFailed", { count: m.total })}
                  </span>
                </h3>
                <ChartFigure summary={say(mxSummaryRef(m, locale))}>
                  <MxFailureChart
                    mx={m}
                    resultTypes={s.resultTypes}
                    markers={onAxis}
                    onSelect={setSelection}
                  />
                </ChartFigure>
              </div>
            ))
          )}
          {selection ? (
            <FailureDrilldown
              domain={domain}
              selection={selection}
              onClose={() => setSelection(null)}
            />
          ) : null}
          <ResultTypeLegend types={s.resultTypes} />
        </div>
        {s.mxFailures.length > 0 ? (
          <FailureTable mxFailures={s.mxFailures} onSelect={setSelection} />
        ) : null}
      </Card>
      <Card>
        <CardHeader
          title={t("dashboard.reportersTitle")}
          description={t("dashboard.reportersHint")}
        />
        <ReporterTable reporters={s.reporters} />
      </Card>
    </div>
  );
}
