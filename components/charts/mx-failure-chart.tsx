"use client";

import { useLocale } from "next-intl";
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
  const locale = useLocale();
  const types = resultTypes.filter((t) => (mx.byType[t] ?? 0) > 0);
  const pick = (resultType: string) => (item: BarRectangleItem) => {
    const day = (item.payload as { day?: unknown } | undefined)?.day;
    if (typeof day === "string") onSelect({ day, mx: mx.mxHost, resultType });
  };
  return (
    <div
      className="h-56 w-full"
      role="img"
      aria-label={`Failures on ${mx.mxHost || "unnamed MX"} per day`}
    >
      <ResponsiveContainer width="100%" height="100%">
        {/* No keyboard layer (an unnamed Tab stop): the table of numbers opens each bar's details. */}
        <BarChart
          data={stackedRows(mx)}
          margin={{ top: 8, right: 16, left: 0, bottom: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis
            tick={{ fontSize: 11 }}
            allowDecimals={false}
            tickFormatter={(n: number) => formatCount(n, locale)}
          />
          <Tooltip formatter={(v) => formatChartValue(v, locale)} />
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
