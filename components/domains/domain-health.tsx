import { Badge } from "@/components/ui/badge";
import { getDb } from "@/lib/db/client";
import type { DomainRecord } from "@/lib/db/domains/domains";
import { getDomainHealth } from "@/lib/db/stats/get-domain-health";
import { formatRate } from "@/lib/stats/aggregate";

// Mode, last report day, 7-day failure rate and readiness at a glance, on the domain list.
export async function DomainHealth({ domain }: { domain: DomainRecord }) {
  const h = await getDomainHealth(await getDb(), domain.id);
  const week = h.week.successful + h.week.failed;
  return (
    <dl
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600"
      aria-label={`Health of ${domain.displayName}`}
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
        <dd
          className="inline tabular-nums"
          title={h.readiness.open.length ? `Open: ${h.readiness.open.join(", ")}` : "All met"}
        >
          {h.readiness.met}/{h.readiness.total}
        </dd>
      </div>
    </dl>
  );
}
