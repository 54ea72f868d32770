"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useCallback, useState } from "react";
import type { CheckHistory, CheckRunView } from "@/lib/db/checks/check-run-view";
import { queryKeys } from "@/lib/query/keys";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { fetchCheckHistory, fetchCheckRun } from "./api";
import { CheckChanges } from "./check-changes";
import { CheckHistory as HistoryList } from "./check-history";
import { CheckProgress } from "./check-progress";
import { CheckResults } from "./check-results";
import { DkimSelectorsForm } from "./dkim-selectors-form";
import { formatRunTime } from "./format-time";
import { summaryLine } from "./severity";
import { useCheckStream } from "./use-check-stream";

interface Props {
  domain: { name: string; displayName: string };
  canRun: boolean;
  initialView: CheckRunView | null;
  initialHistory: CheckHistory;
  dkimSelectors: string[];
}

export function CheckStep({ domain, canRun, initialView, initialHistory, dkimSelectors }: Props) {
  const name = domain.name;
  const queryClient = useQueryClient();
  const [selectedId, setSelectedId] = useState<string | null>(initialView?.run.id ?? null);

  const history = useQuery({
    queryKey: queryKeys.checkRuns(name),
    queryFn: () => fetchCheckHistory(name),
    initialData: initialHistory,
  });
  const view = useQuery({
    queryKey: queryKeys.checkRun(name, selectedId ?? "none"),
    queryFn: () => fetchCheckRun(name, selectedId ?? ""),
    enabled: selectedId !== null,
    initialData: initialView && initialView.run.id === selectedId ? initialView : undefined,
  });

  const onStored = useCallback(
    (runId: string) => {
      setSelectedId(runId);
      void queryClient.invalidateQueries({ queryKey: queryKeys.checkRuns(name) });
    },
    [name, queryClient],
  );
  const { state: stream, start } = useCheckStream(name, onStored);
  const running = stream.phase === "running";
  const showLive = running || (stream.phase === "failed" && stream.results.length > 0);
  const shown = view.data;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Step 1 · Check the domain today"
          description={`Looks up the DNS records, fetches the policy the way senders do, and connects to every MX host of ${domain.displayName} on port 25.`}
          actions={
            canRun ? (
              <Button type="button" onClick={() => void start()} disabled={running}>
                <Play aria-hidden />
                {running ? "Checking…" : "Run check"}
              </Button>
            ) : null
          }
        />
        <div className="space-y-4 px-5 py-4">
          {!canRun ? <p className="text-sm text-slate-600">Only admins can run a check.</p> : null}
          {stream.phase !== "idle" ? <CheckProgress domain={name} state={stream} /> : null}
          {stream.error ? <Alert tone="bad">{stream.error}</Alert> : null}
          {showLive ? (
            <CheckResults domain={name} results={stream.results} />
          ) : shown?.report ? (
            <RunReport view={shown} domain={name} />
          ) : view.isError ? (
            <Alert tone="bad">The stored results could not be loaded.</Alert>
          ) : selectedId === null ? (
            <p className="text-sm text-slate-600">
              {canRun
                ? "No check has run yet. Run one to see where the domain stands."
                : "No check has run yet."}
            </p>
          ) : null}
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="History" description="Every run is kept with its results." />
          <div className="px-3 py-2">
            <HistoryList
              runs={history.data.runs}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
          </div>
        </Card>
        {canRun ? (
          <Card>
            <CardHeader title="DKIM" />
            <div className="px-5 py-4">
              <DkimSelectorsForm domain={name} selectors={dkimSelectors} />
            </div>
          </Card>
        ) : null}
      </div>
    </div>
  );
}

function RunReport({ view, domain }: { view: CheckRunView; domain: string }) {
  const report = view.report;
  if (!report) return null;
  return (
    <div className="space-y-4" data-testid="check-report" data-run={view.run.id}>
      <div>
        <p className="text-sm font-medium text-slate-900" data-testid="check-summary">
          {summaryLine(report.summary)}
        </p>
        <p className="text-xs text-slate-500">
          Run {formatRunTime(view.run.startedAt)} by {view.run.actor} · policy mode{" "}
          {report.mode ?? "none found"} · {report.durationMs} ms
        </p>
        {report.deadlineHit ? (
          <Alert tone="warn" className="mt-2">
            The overall time limit was reached: some checks could not be tested.
          </Alert>
        ) : null}
      </div>
      <section aria-label="Changes since the previous run" className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-800">Changes since the previous run</h3>
        <CheckChanges previous={view.previous} changes={view.changes} />
      </section>
      <CheckResults domain={domain} results={report.results} />
    </div>
  );
}
