import { useLocale } from "next-intl";
import type { Readiness } from "@/lib/readiness/types";
import { formatCount } from "@/lib/core/format-number";
import { ScrollTable } from "@/components/ui/scroll-region";

/** Sessions that senders honouring the policy would have refused in enforce mode. */
export function RefusalTable({
  refusals,
  window,
}: {
  refusals: Readiness["refusals"];
  window: Readiness["window"];
}) {
  const locale = useLocale();
  const total = refusals.reduce((s, r) => s + r.sessions, 0);
  return (
    <div className="border-t border-slate-100 px-5 py-4 text-sm">
      <h3 className="font-medium">Had the policy been in enforce mode</h3>
      <p className="mt-1 text-slate-600">
        {total === 0
          ? `No session from ${window.from} to ${window.to} would have been refused.`
          : `${total} sessions from ${window.from} to ${window.to} would have been refused (failures reported against the testing policy, counted from the reports' summaries; policy-fetch failures are left out, as a sender without a policy delivers as before): senders would have retried, then bounced them.`}
      </p>
      {refusals.length > 0 ? (
        <ScrollTable className="mt-2 w-full text-xs" label="Sessions refused under enforce">
          <thead className="text-left text-slate-600">
            <tr>
              <th className="py-1">Day</th>
              <th>MX host</th>
              <th>Result types</th>
              <th className="text-right">Sessions</th>
            </tr>
          </thead>
          <tbody>
            {refusals.map((r) => (
              <tr key={`${r.day} ${r.mxHost}`} className="border-t border-slate-100">
                <td className="py-0.5 tabular-nums">{r.day}</td>
                <td className="font-mono">{r.mxHost || "not attributed"}</td>
                <td className="font-mono">
                  {Object.entries(r.byType)
                    .map(([t, n]) => `${t} ${n}`)
                    .join(", ")}
                </td>
                <td className="text-right tabular-nums">{formatCount(r.sessions, locale)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </div>
  );
}
