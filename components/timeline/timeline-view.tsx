"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatRunTime } from "@/components/check/format-time";
import { apiFetch } from "@/lib/query/api-fetch";
import { queryKeys } from "@/lib/query/keys";
import type { TimelineEntry, TimelinePage } from "@/lib/timeline/types";

// A domain's timeline (issue 14): the server renders the first page, older pages load on
// request through GET /api/domains/[name]/timeline?before=<cursor>.

const TONE = { error: "bad", warning: "warn", ok: "good", info: "info" } as const;
const LABEL: Record<TimelineEntry["kind"], string> = {
  check: "Check",
  "finding-opened": "Found",
  "finding-resolved": "Resolved",
  alert: "Alert",
  mode: "Mode",
  policy: "Policy",
  silence: "No reports",
  removal: "Removal",
};

export function TimelineView({ domain, first }: { domain: string; first: TimelinePage }) {
  const q = useInfiniteQuery({
    queryKey: queryKeys.timeline(domain),
    queryFn: ({ pageParam }) =>
      apiFetch<TimelinePage>(
        "GET",
        `/api/domains/${encodeURIComponent(domain)}/timeline?before=${encodeURIComponent(pageParam ?? "")}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    initialData: { pages: [first], pageParams: [null] },
  });
  const entries = q.data.pages.flatMap((p) => p.entries);
  return (
    <section aria-labelledby="timeline-title" className="space-y-4">
      <h2 id="timeline-title" className="text-lg font-semibold">
        Timeline
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing has happened yet.</p>
      ) : (
        <ol aria-label="Timeline" className="divide-y divide-slate-100">
          {entries.map((e) => (
            <li key={e.key} data-testid="timeline-entry" data-kind={e.kind} className="py-3">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <time dateTime={e.at} className="text-slate-500">
                  {formatRunTime(e.at)}
                </time>
                <Badge tone={TONE[e.severity]}>{LABEL[e.kind]}</Badge>
                {e.ref ? <span className="font-mono text-xs text-slate-600">{e.ref}</span> : null}
                <span className="font-medium text-slate-800">{e.title}</span>
              </div>
              {e.detail ? (
                <p className="mt-1 text-sm break-words text-slate-600">{e.detail}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {q.hasNextPage ? (
        <Button
          type="button"
          variant="secondary"
          disabled={q.isFetchingNextPage}
          onClick={() => void q.fetchNextPage()}
        >
          {q.isFetchingNextPage ? "Loading…" : "Show older"}
        </Button>
      ) : null}
      {q.error ? (
        <p role="alert" className="text-sm text-red-700">
          {q.error.message}
        </p>
      ) : null}
    </section>
  );
}
