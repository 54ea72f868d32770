import { useLocale } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { MxVerdict, Readiness } from "@/lib/readiness/types";
import { formatCount } from "@/lib/core/format-number";
import { ScrollTable } from "@/components/ui/scroll-region";

// Issue #12 item 4: a verdict per MX. Every MX in the policy or named in a report, with
// its failed sessions per day by result type; a row that blocks enforce says why.

const perDay = (m: MxVerdict): string =>
  m.days
    .map(
      (d) =>
        `${d.day}: ${Object.entries(d.byType)
          .map(([t, n]) => `${n} ${t}`)
          .join(", ")}`,
    )
    .join("; ");

export function MxTable({ mx, window }: { mx: readonly MxVerdict[]; window: Readiness["window"] }) {
  const locale = useLocale();
  return (
    <div className="border-t border-slate-100 px-5 py-4 text-sm">
      <h3 className="font-medium">Per MX host</h3>
      <p className="mt-1 text-slate-600">
        Failed sessions from {window.from} to {window.to}. An MX with failures on 2 or more of the
        last 7 days, or on the last reported day, blocks enforce whatever the domain-wide rate (RFC
        8461 §8.4: in enforce those sessions bounce).
      </p>
      <ScrollTable className="mt-2 w-full text-xs" label="Failures per MX host">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1">MX host</th>
            <th>In policy</th>
            <th>Failed sessions per day</th>
            <th className="text-right">Days with failures (last 7)</th>
            <th>Last failure</th>
            <th>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {mx.map((m) => (
            <tr
              key={m.host || "(not attributed)"}
              className="border-t border-slate-100 align-top"
              data-testid="mx-row"
              data-host={m.host || "not attributed"}
              data-blocking={m.blocking ? "yes" : "no"}
            >
              <td className="py-1 font-mono">{m.host || "not attributed"}</td>
              <td className="font-mono">
                {m.host === ""
                  ? "—"
                  : (m.pattern ?? <span className="text-red-700">not covered</span>)}
              </td>
              <td className="font-mono break-words">{perDay(m) || "none"}</td>
              <td className="text-right tabular-nums">{formatCount(m.daysWithFailures, locale)}</td>
              <td className="tabular-nums">{m.lastFailure ?? "—"}</td>
              <td>
                <Badge tone={m.blocking ? "bad" : m.host === "" ? "neutral" : "good"}>
                  {m.blocking ? "blocks enforce" : m.host === "" ? "domain-wide" : "ok"}
                </Badge>
                <p className="mt-0.5 text-slate-700" data-testid="mx-reason">
                  {m.reason}
                </p>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
