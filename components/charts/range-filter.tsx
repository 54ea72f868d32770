"use client";

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
  const [from, setFrom] = useState(view.range.from);
  const [to, setTo] = useState(view.range.to);
  const hosts = view.mx !== null && !mxHosts.includes(view.mx) ? [...mxHosts, view.mx] : mxHosts;
  return (
    <div className="flex flex-wrap items-end gap-3" aria-label="Filters">
      <div className="flex gap-1" role="group" aria-label="Date range">
        {RANGE_PRESETS.map((n) => (
          <Button
            key={n}
            size="sm"
            variant={view.days === n ? "primary" : "secondary"}
            aria-pressed={view.days === n}
            onClick={() => onChange({ ...view, days: n, range: view.range })}
          >
            {n} days
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
          From
          <input
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            className="block rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <label className="text-xs text-slate-600">
          To
          <input
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            className="block rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <Button size="sm" variant="secondary" type="submit">
          Apply
        </Button>
      </form>
      <label className="text-xs text-slate-600">
        MX host
        <select
          value={view.mx ?? "*"}
          onChange={(e) =>
            onChange({ ...view, mx: e.target.value === "*" ? null : e.target.value })
          }
          className="block rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          <option value="*">All MX hosts</option>
          {hosts.map((h) => (
            <option key={h} value={h}>
              {h || "(not named in the report)"}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
