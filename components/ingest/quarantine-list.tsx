"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { QuarantinedReporter } from "@/lib/db/reports/quarantine";
import { useAcceptReporter, useQuarantine } from "@/lib/query/quarantine";
import { ScrollTable } from "@/components/ui/scroll-region";

// RPT-DELIV-7: mail reports without a DKIM pass aligned with their reporter, kept but left
// out of the verdict until an admin accepts the reporter. Names and d= come from senders:
// rendered as text (RPT-ING-2).
export function QuarantineList({
  domain,
  initial,
}: {
  domain: string;
  initial: QuarantinedReporter[];
}) {
  const q = useQuarantine(domain, initial);
  const accept = useAcceptReporter();
  const [done, setDone] = useState<string | null>(null);
  const rows = q.data;
  return (
    <Card>
      <CardHeader
        title="Quarantined reports"
        description="Report mail must carry a DKIM signature of the reporting organisation (RFC 8460 §3). These reports are stored but do not count toward the verdict. Accept a reporter only when you trust it: its reports then count for every domain."
        actions={
          <Link
            href={`/domains/${encodeURIComponent(domain)}/reports/received`}
            className="text-sm text-brand-700 hover:underline"
          >
            Received reports
          </Link>
        }
      />
      <div className="space-y-3 px-5 py-4">
        {done ? <Alert tone="good">{done}</Alert> : null}
        {accept.error ? <Alert tone="bad">{accept.error.message}</Alert> : null}
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">No report about this domain is in quarantine.</p>
        ) : (
          <ScrollTable className="w-full text-left text-sm" label="Quarantined reporters">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-3 py-2 font-medium">Reporter</th>
                <th className="px-3 py-2 text-right font-medium">Reports</th>
                <th className="px-3 py-2 font-medium">Why</th>
                <th className="px-3 py-2 font-medium">Last received (UTC)</th>
                <th className="px-3 py-2 font-medium">
                  <span className="sr-only">Accept</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.reporterKey}>
                  <td className="px-3 py-2">
                    <div className="font-medium text-slate-900">{r.organization}</div>
                    <div className="text-xs text-slate-500">{r.reporterKey}</div>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.reports}</td>
                  <td className="px-3 py-2">
                    <ul>
                      {r.reasons.map((why) => (
                        <li key={why}>{why}</li>
                      ))}
                    </ul>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {r.lastReceived.slice(0, 16).replace("T", " ")}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={accept.isPending}
                      onClick={() =>
                        accept.mutate(r.reporterKey, {
                          onSuccess: (x) =>
                            setDone(
                              `Accepted ${x.reporterKey}: its ${x.reports} report${x.reports === 1 ? "" : "s"} now count.`,
                            ),
                        })
                      }
                    >
                      Accept reporter {r.reporterKey}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </div>
    </Card>
  );
}
