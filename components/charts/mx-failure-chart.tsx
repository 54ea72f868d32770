"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarRectangleItem,
} from "recharts";
import { stackedRows } from "@/lib/stats/aggregate";
import { CHART_BACKGROUND, MARKER_COLORS, patternId } from "@/lib/stats/chart-palette";
import type { MxFailures, PolicyMarker } from "@/lib/stats/types";
import { formatUtcDay } from "@/lib/core/format-date";
import { formatChartValue, formatCount } from "@/lib/core/format-number";

export interface BarSelection {
  day: string;
  mx: string;
  resultType: string;
}

export function MxFailureChart({
  mx,
  resultTypes,
  markers,
  onSelect,
}: {
  mx: MxFailures;
  resultTypes: string[];
  markers: PolicyMarker[];
  onSelect: (s: BarSelection) => void;
}) {
  const t = useTranslations("reports.charts");
  const locale = useLocale();
  const day = (d: unknown) => formatUtcDay(String(d), locale);
  const types = resultTypes.filter((t) => (mx.byType[t] ?? 0) > 0);
  const pick = (resultType: string) => (item: BarRectangleItem) => {
    const day = (item.payload as { day?: unknown } | undefined)?.day;
    if (typeof day === "string") onSelect({ day, mx: mx.mxHost, resultType });
  };
  return (
    <div
      className="h-56 w-full"
      role="img"
      aria-label={mx.mxHost ? t("mxChart", { mx: mx.mxHost }) : t("mxChartUnnamed")}
    >
      <ResponsiveContainer width="100%" height="100%">
        {/* No keyboard layer (an unnamed Tab stop): the table of numbers opens each bar's details. */}
        <BarChart
          data={stackedRows(mx)}
          margin={{ top: 8, right: 16, left: 0, bottom: 0 }}
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
          {types.map((t) => (
            <Bar
              key={t}
              dataKey={t}
              stackId="f"
              fill={`url(#${patternId(t)})`}
              stroke={CHART_BACKGROUND}
              strokeWidth={1}
              cursor="pointer"
              isAnimationActive={false}
              onClick={pick(t)}
            />
          ))}
          {markers.map((m) => (
            <ReferenceLine
              key={m.seq}
              x={m.day}
              stroke={MARKER_COLORS.none}
              strokeDasharray="4 2"
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
