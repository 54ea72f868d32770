"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { DailySessions, PolicyMarker } from "@/lib/stats/types";
import { formatUtcDay } from "@/lib/core/format-date";
import { formatChartValue, formatCount } from "@/lib/core/format-number";
import { MARKER_COLORS, SESSION_COLORS, patternId } from "@/lib/stats/chart-palette";

// Recharts is imported only here and in mx-failure-chart.tsx, both loaded with next/dynamic.

export function DailyChart({
  daily,
  markers,
}: {
  daily: DailySessions[];
  markers: PolicyMarker[];
}) {
  const t = useTranslations("reports.charts");
  const locale = useLocale();
  const day = (d: unknown) => formatUtcDay(String(d), locale);
  return (
    <div className="h-72 w-full" role="img" aria-label={t("dailyChart")}>
      <ResponsiveContainer width="100%" height="100%">
        {/* No keyboard layer: it adds an unnamed Tab stop; the table below has the numbers. */}
        <BarChart
          data={daily}
          margin={{ top: 20, right: 16, left: 0, bottom: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} tickFormatter={day} />
          <YAxis
            tick={{ fontSize: 11 }}
            allowDecimals={false}
            tickFormatter={(n: number) => formatCount(n, locale)}
          />
          <Tooltip formatter={(v) => formatChartValue(v, locale)} labelFormatter={day} />
          <Legend />
          <Bar
            dataKey="successful"
            name={t("successful")}
            stackId="s"
            fill={SESSION_COLORS.successful}
            stroke={SESSION_COLORS.successfulEdge}
            isAnimationActive={false}
          />
          <Bar
            dataKey="failed"
            name={t("failed")}
            stackId="s"
            fill={`url(#${patternId("failed")})`}
            isAnimationActive={false}
          />
          {markers.map((m) => (
            <ReferenceLine
              key={m.seq}
              x={m.day}
              stroke={MARKER_COLORS[m.mode] ?? MARKER_COLORS.none}
              strokeDasharray="4 2"
              label={{
                value: t("markerLabel", { reason: m.reason, mode: m.mode }),
                position: "top",
                fontSize: 11,
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
