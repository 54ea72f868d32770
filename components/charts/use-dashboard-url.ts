"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { DEFAULT_RANGE_DAYS, isDay, lastDays, type DayRange } from "@/lib/stats/date-range";

export interface DashboardView {
  /** A preset (7/30/90) or null for a custom range. */
  days: number | null;
  range: DayRange;
  mx: string | null;
}

/** The dashboard's filters live in the URL (?days= or ?from=&to=, and ?mx=), to share a view. */
export function useDashboardUrl(): [DashboardView, (next: DashboardView) => void] {
  const params = useSearchParams();
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const mx = params.get("mx");
  const custom = isDay(from) && isDay(to) && from <= to;
  const days = Number(params.get("days") ?? DEFAULT_RANGE_DAYS) || DEFAULT_RANGE_DAYS;
  const view: DashboardView = custom
    ? { days: null, range: { from, to }, mx }
    : { days, range: lastDays(days, new Date()), mx };
  const set = useCallback((next: DashboardView) => {
    const q = new URLSearchParams();
    if (next.days === null) {
      q.set("from", next.range.from);
      q.set("to", next.range.to);
    } else q.set("days", String(next.days));
    if (next.mx !== null) q.set("mx", next.mx);
    // The native history API keeps Next's router and useSearchParams in sync without a
    // server round trip: the charts refetch through react-query.
    window.history.replaceState(null, "", `?${q.toString()}`);
  }, []);
  return [view, set];
}
