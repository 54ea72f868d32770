"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { RANGE_PRESETS } from "@/lib/stats/date-range";
import type { DashboardView } from "./use-dashboard-url";

export function RangeFilter({
  view,
  mxHosts,
  onChange,
}: {
  view: DashboardView;
  mxHosts: string[];
  onChange: (v: DashboardView) => void;
}) {
  const t = useTranslations("reports.range");
  const [from, setFrom] = useState(view.range.from);
  const [to, setTo] = useState(view.range.to);
  const hosts = view.mx !== null && !mxHosts.includes(view.mx) ? [...mxHosts, view.mx] : mxHosts;
  return (
    <div className="flex flex-wrap items-end gap-3" aria-label={t("filters")}>
      <div className="flex gap-1" role="group" aria-label={t("dateRange")}>
        {RANGE_PRESETS.map((n) => (
          <Button
            key={n}
            size="sm"
            variant={view.days === n ? "primary" : "secondary"}
            aria-pressed={view.days === n}
            onClick={() => onChange({ ...view, days: n, range: view.range })}
          >
            {t("preset", { days: String(n) })}
          </Button>
        ))}
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (from && to && from <= to) onChange({ ...view, days: null, range: { from, to } });
        }}
      >
        <label className="text-xs text-slate-600">
          {t("from")}
          <input
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            className="block rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <label className="text-xs text-slate-600">
          {t("to")}
          <input
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            className="block rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <Button size="sm" variant="secondary" type="submit">
          {t("apply")}
        </Button>
      </form>
      <label className="text-xs text-slate-600">
        {t("mxHost")}
        <select
          value={view.mx ?? "*"}
          onChange={(e) =>
            onChange({ ...view, mx: e.target.value === "*" ? null : e.target.value })
          }
          className="block rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          <option value="*">{t("allMx")}</option>
          {hosts.map((h) => (
            <option key={h} value={h}>
              {h || t("mxNotNamed")}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
