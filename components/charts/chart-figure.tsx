import { formatCount } from "@/lib/core/format-number";
import type { DailySessions } from "@/lib/stats/types";
import { ScrollTable } from "@/components/ui/scroll-region";

/** A chart with its one-line summary as the caption, and its table alternative below it. */
export function ChartFigure({
  summary,
  table,
  children,
}: {
  summary: string;
  table?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-700">{summary}</figcaption>
      {children}
      {table}
    </figure>
  );
}

/** The daily chart's numbers, behind a disclosure (issue 16 §3: a table for every chart). */
export function DailyTable({ daily }: { daily: readonly DailySessions[] }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700">Show as table</summary>
      <ScrollTable className="mt-2 w-full" label="Sessions per day">
        <thead className="text-left text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1">
              Day
            </th>
            <th scope="col" className="text-right">
              Successful
            </th>
            <th scope="col" className="text-right">
              Failed
            </th>
          </tr>
        </thead>
        <tbody>
          {daily.map((d) => (
            <tr key={d.day} className="border-t border-slate-100">
              <td className="py-0.5 tabular-nums">{d.day}</td>
              <td className="text-right tabular-nums">{formatCount(d.successful)}</td>
              <td className="text-right tabular-nums">{formatCount(d.failed)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </details>
  );
}
