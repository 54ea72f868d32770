"use client";

import { useLocale } from "next-intl";
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
import { formatCount } from "@/lib/core/format-number";
import { dailySummary, mxSummary } from "@/lib/stats/chart-summary";
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

async function fetchStats(domain: string, from: string, to: string, mx: string | null) {
  const q = new URLSearchParams({ from, to });
  if (mx !== null) q.set("mx", mx);
  const res = await fetch(`/api/domains/${encodeURIComponent(domain)}/stats?${q}`);
  if (!res.ok) throw new Error(`The report numbers could not be loaded (${res.status}).`);
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
  const locale = useLocale();
  const [view, setView] = useDashboardUrl();
  const [selection, setSelection] = useState<BarSelection | null>(null);
  const { from, to } = view.range;
  const isInitial = initial.from === from && initial.to === to && initial.mx === view.mx;
  const q = useQuery({
    queryKey: queryKeys.domainStats(domain, from, to, view.mx),
    queryFn: () => fetchStats(domain, from, to, view.mx),
    initialData: isInitial ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const s = q.data ?? initial;
  const onAxis = s.markers.filter((m) => m.day <= s.to);
  const empty = s.totals.successful + s.totals.failed === 0 && s.mxFailures.length === 0;
  return (
    <div className="space-y-6">
      <ChartPatterns resultTypes={s.resultTypes} />
      <Card>
        <CardHeader
          title="TLS reports"
          description={`${s.from} to ${s.to}${s.mx !== null ? `, MX ${s.mx || "(not named)"}` : ""}. Reports arrive once a day, for the previous UTC day.`}
        />
        <div className="space-y-4 px-5 py-4">
          <RangeFilter view={view} mxHosts={s.mxHosts} onChange={setView} />
          {q.error ? <Alert tone="bad">{q.error.message}</Alert> : null}
          <dl className="grid grid-cols-3 gap-4">
            <Figure label="Successful sessions" value={formatCount(s.totals.successful, locale)} />
            <Figure label="Failed sessions" value={formatCount(s.totals.failed, locale)} />
            <Figure
              label="Failure rate"
              value={formatRate(failureRate(s.totals.successful, s.totals.failed))}
            />
          </dl>
          {empty ? (
            <Alert tone="info">
              No reports yet: is <code>_smtp._tls</code> published? Reports arrive once a day. If it
              is, try a longer date range.
            </Alert>
          ) : (
            <ChartFigure
              summary={dailySummary(s.daily, s.from, s.to)}
              table={<DailyTable daily={s.daily} />}
            >
              <DailyChart daily={s.daily} markers={onAxis} />
            </ChartFigure>
          )}
          {s.markers.length > 0 ? (
            <ul className="text-xs text-slate-600" aria-label="Policy changes">
              {s.markers.map((m) => (
                <li key={m.seq}>
                  {m.createdAt.slice(0, 16).replace("T", " ")} UTC: policy {m.policyId} ({m.reason}
                  ), mode {m.mode}, max_age {m.maxAge}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </Card>
      <Card>
        <CardHeader
          title="Failures per MX host"
          description="Failed sessions per day, stacked by result type. Click a bar for the details behind it."
        />
        <div className="space-y-5 px-5 py-4">
          {s.mxFailures.length === 0 ? (
            <p className="text-sm text-slate-600">
              {empty ? "Nothing to show until reports arrive." : "No failures in this range."}
            </p>
          ) : (
            s.mxFailures.map((m) => (
              <div key={m.mxHost}>
                <h3 className="text-sm font-medium">
                  <span className="font-mono">{m.mxHost || "(MX not named in the report)"}</span>{" "}
                  <span className="ml-1 text-slate-600">{m.total} failed sessions</span>
                </h3>
                <ChartFigure summary={mxSummary(m)}>
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
        <CardHeader title="Reporters" description="Who sent reports in this range." />
        <ReporterTable reporters={s.reporters} />
      </Card>
    </div>
  );
}
