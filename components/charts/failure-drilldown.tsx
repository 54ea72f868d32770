"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { queryKeys } from "@/lib/query/keys";
import type { FailureDetails } from "@/lib/stats/types";
import type { BarSelection } from "./mx-failure-chart";
import { formatCount } from "@/lib/core/format-number";
import { ScrollTable } from "@/components/ui/scroll-region";

async function fetchDetails(domain: string, s: BarSelection): Promise<FailureDetails> {
  const q = new URLSearchParams({ day: s.day, mx: s.mx, resultType: s.resultType });
  const res = await fetch(`/api/domains/${encodeURIComponent(domain)}/failures?${q}`);
  if (!res.ok) throw new Error(`The details could not be loaded (${res.status}).`);
  return (await res.json()) as FailureDetails;
}

const cell = (v: string | null) => v ?? "—";

/** The failure-detail rows behind one bar. Every string from a report is rendered as text. */
export function FailureDrilldown({
  domain,
  selection,
  onClose,
}: {
  domain: string;
  selection: BarSelection;
  onClose: () => void;
}) {
  const q = useQuery({
    queryKey: queryKeys.failureDetails(domain, selection.day, selection.mx, selection.resultType),
    queryFn: () => fetchDetails(domain, selection),
  });
  return (
    <section
      aria-label="Failure details"
      className="rounded-md border border-slate-200 bg-slate-50 p-4"
    >
      <div className="flex items-start justify-between gap-3">
        <h3 className="text-sm font-semibold">
          {selection.resultType} on {selection.mx || "an unnamed MX"}, {selection.day}
          {q.data ? `: ${q.data.sessions} failed sessions` : ""}
        </h3>
        <Button size="icon" variant="ghost" aria-label="Close the details" onClick={onClose}>
          <X />
        </Button>
      </div>
      {q.isPending ? <p className="text-sm text-slate-600">Loading…</p> : null}
      {q.error ? <p className="text-sm text-red-700">{q.error.message}</p> : null}
      {q.data ? (
        <div className="mt-2">
          <ScrollTable className="w-full text-xs" label="Failure detail rows">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-1 pr-3">Reporter</th>
                <th className="pr-3">Sending IP</th>
                <th className="pr-3">Receiving IP</th>
                <th className="pr-3">HELO</th>
                <th className="pr-3">Reason code</th>
                <th className="pr-3">Additional information</th>
                <th className="text-right">Sessions</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {q.data.rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="py-1 pr-3 font-sans">{r.reporter}</td>
                  <td className="pr-3">{cell(r.sendingMtaIp)}</td>
                  <td className="pr-3">{cell(r.receivingIp)}</td>
                  <td className="pr-3">{cell(r.receivingMxHelo)}</td>
                  <td className="pr-3 break-all">{cell(r.failureReasonCode)}</td>
                  <td className="pr-3 break-all">{cell(r.additionalInformation)}</td>
                  <td className="text-right tabular-nums">{formatCount(r.failedSessionCount)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          {q.data.truncated ? (
            <p className="mt-2 text-xs text-slate-600">
              Showing the largest {q.data.rows.length} rows.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
