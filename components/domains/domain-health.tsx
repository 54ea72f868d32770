import { Badge } from "@/components/ui/badge";
import type { DomainListRow } from "@/lib/db/domains/domain-list";
import { formatRate } from "@/lib/stats/aggregate";

function readinessTitle(r: NonNullable<DomainListRow["readiness"]>): string {
  const open = r.open.length ? `Open: ${r.open.join(", ")}` : "All met";
  const when = `as of ${r.computedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `${open} (${when}${r.stale ? ", being updated" : ""})`;
}

// Mode, last report day, 7-day failure rate and the stored readiness verdict at a glance,
// on the domain list. The page loads the data (getDomainList); nothing is queried here.
export function DomainHealth({ domain: h }: { domain: DomainListRow }) {
  const week = h.week.successful + h.week.failed;
  return (
    <dl
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600"
      aria-label={`Health of ${h.displayName}`}
    >
      <div>
        <dt className="sr-only">Mode</dt>
        <dd>
          <Badge tone={h.mode === "enforce" ? "good" : h.mode === "testing" ? "warn" : "neutral"}>
            {h.mode ? `mode: ${h.mode}` : "no policy"}
          </Badge>
        </dd>
      </div>
      <div>
        <dt className="inline">Last report: </dt>
        <dd className="inline tabular-nums">{h.lastReportDay ?? "none yet"}</dd>
      </div>
      <div>
        <dt className="inline">7-day failures: </dt>
        <dd className="inline tabular-nums">
          {week === 0 ? "no sessions" : formatRate(h.week.rate)}
        </dd>
      </div>
      <div>
        <dt className="inline">Ready: </dt>
        {h.readiness ? (
          <dd className="inline tabular-nums" title={readinessTitle(h.readiness)}>
            {h.readiness.met}/{h.readiness.total}
          </dd>
        ) : (
          <dd className="inline" title="The readiness verdict is being computed: reload shortly.">
            not evaluated yet
          </dd>
        )}
      </div>
    </dl>
  );
}
