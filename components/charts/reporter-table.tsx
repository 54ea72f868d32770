import { useLocale } from "next-intl";
import { formatRate } from "@/lib/stats/aggregate";
import type { ReporterRow } from "@/lib/stats/types";
import { formatCount } from "@/lib/core/format-number";
import { ScrollTable } from "@/components/ui/scroll-region";

export function ReporterTable({ reporters }: { reporters: ReporterRow[] }) {
  const locale = useLocale();
  if (reporters.length === 0)
    return (
      <p className="px-5 py-4 text-sm text-slate-600">No reporter sent a report in this range.</p>
    );
  return (
    <ScrollTable className="w-full text-sm" label="Reporters">
      <thead className="bg-slate-50 text-left text-xs text-slate-600">
        <tr>
          <th className="px-5 py-2">Organisation</th>
          <th className="px-3 py-2 text-right">Days reported</th>
          <th className="px-3 py-2 text-right">Sessions</th>
          <th className="px-3 py-2 text-right">Failed</th>
          <th className="px-5 py-2 text-right">Failure rate</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {reporters.map((r) => (
          <tr key={r.reporterKey}>
            <td className="px-5 py-2">
              {r.organization}
              <span className="ml-2 font-mono text-xs text-slate-500">{r.reporterKey}</span>
            </td>
            <td className="px-3 py-2 text-right tabular-nums">
              {formatCount(r.daysReported, locale)}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">
              {formatCount(r.successful + r.failed, locale)}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{formatCount(r.failed, locale)}</td>
            <td className="px-5 py-2 text-right tabular-nums">{formatRate(r.failureRate)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
