import { Badge } from "@/components/ui/badge";
import type { Coverage, CoverageCell } from "@/lib/readiness/types";
import type { VerdictChange } from "@/lib/readiness/verdict-change";
import { ScrollRegion } from "@/components/ui/scroll-region";

// Issue 15 items 1–3: reporters × days. No report is not the same as no failure: a usual
// reporter gone quiet is flagged; the verdict judges complete days only.

const CELL = {
  reported: "bg-emerald-50",
  "older-policy": "bg-amber-50",
  "zero-sessions": "bg-slate-50",
  none: "",
} as const;

function cellText(c: CoverageCell): string {
  if (c.state === "none") return "—";
  if (c.state === "zero-sessions") return "0 sessions";
  return `${c.sessions}${c.failed > 0 ? ` (${c.failed} failed)` : ""}`;
}

export function CoverageMatrix({
  coverage,
  verdictChange,
}: {
  coverage: Coverage;
  verdictChange?: (VerdictChange & { at: string }) | null;
}) {
  return (
    <div className="border-t border-slate-100 px-5 py-4 text-sm" data-testid="coverage">
      <h3 className="font-medium">Reporter coverage</h3>
      <p className="mt-1 text-slate-600">
        Last complete day:{" "}
        <span className="font-mono" data-testid="last-complete-day">
          {coverage.lastComplete ?? "none yet"}
        </span>
        . A day is judged once every usual reporter (one that reported sessions in the 30 days
        before) has reported it, or {coverage.graceDays} days after it ends. Reports with zero
        sessions are no coverage.
      </p>
      {coverage.open.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-slate-700" aria-label="Days not judged yet">
          {coverage.open.map((o) => (
            <li key={o.day}>
              {o.missing.length > 0
                ? `${o.day}: waiting for ${o.missing.join(", ")}`
                : `${o.day}: judged after the days before it`}
            </li>
          ))}
        </ul>
      ) : null}
      {verdictChange ? (
        <div className="mt-2 rounded bg-amber-50 px-3 py-2" data-testid="verdict-change">
          <p className="font-medium">
            Verdict changed {verdictChange.at.slice(0, 16).replace("T", " ")} UTC:{" "}
            {verdictChange.change}
          </p>
          <ul className="list-disc pl-5 text-xs">
            {verdictChange.because.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ScrollRegion label="Reporter coverage" className="mt-2">
        <table className="w-full text-xs" aria-label="Reporter coverage">
          <thead className="text-left text-slate-600">
            <tr>
              <th className="py-1 pr-2">Reporter</th>
              {coverage.days.map((d) => (
                <th key={d} className="px-1 font-mono font-normal" title={d}>
                  {d.slice(5)}
                  {coverage.lastComplete !== null && d > coverage.lastComplete ? "*" : ""}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.rows.map((r) => (
              <tr
                key={r.reporterKey}
                className="border-t border-slate-100 align-top"
                data-testid="coverage-row"
                data-reporter={r.reporterKey}
                data-quiet={r.quiet ? "yes" : "no"}
              >
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  <span className="block">{r.organization}</span>
                  {r.quiet ? (
                    <Badge tone="bad">quiet: nothing since {r.lastDay ?? "—"}</Badge>
                  ) : r.usual ? (
                    <Badge tone="good">usual</Badge>
                  ) : (
                    <Badge>new or occasional</Badge>
                  )}
                </th>
                {r.cells.map((c) => (
                  <td
                    key={c.day}
                    className={`px-1 font-mono tabular-nums ${CELL[c.state]}`}
                    data-day={c.day}
                    data-state={c.state}
                  >
                    {cellText(c)}
                    {c.note ? <span className="block text-amber-800">{c.note}</span> : null}
                    {c.mxHosts.length > 0 ? (
                      <span className="block text-red-700">
                        {c.mxHosts.map((h) => h || "MX not named").join(", ")}
                      </span>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="mt-1 text-xs text-slate-500">
        Sessions per reporter and day; red: MX hosts named in that day&apos;s failures; * the day is
        not judged yet.
      </p>
    </div>
  );
}
