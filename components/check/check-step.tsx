"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { formatUtcSecond } from "@/lib/core/format-date";
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
import { useSummaryLine } from "./severity";
import { useCheckStream } from "./use-check-stream";

interface Props {
  domain: { name: string; displayName: string };
  canRun: boolean;
  initialView: CheckRunView | null;
  initialHistory: CheckHistory;
  dkimSelectors: string[];
}

export function CheckStep({ domain, canRun, initialView, initialHistory, dkimSelectors }: Props) {
  const t = useTranslations("check");
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
          title={t("title")}
          description={t("intro", { domain: domain.displayName })}
          actions={
            canRun ? (
              <Button type="button" onClick={() => void start()} disabled={running}>
                <Play aria-hidden />
                {running ? t("running") : t("run")}
              </Button>
            ) : null
          }
        />
        <div className="space-y-4 px-5 py-4">
          {!canRun ? <p className="text-sm text-slate-600">{t("adminsOnly")}</p> : null}
          {stream.phase !== "idle" ? <CheckProgress domain={name} state={stream} /> : null}
          {stream.error ? <Alert tone="bad">{stream.error}</Alert> : null}
          {showLive ? (
            <CheckResults domain={name} results={stream.results} />
          ) : shown?.report ? (
            <RunReport view={shown} domain={name} />
          ) : view.isError ? (
            <Alert tone="bad">{t("loadFailed")}</Alert>
          ) : selectedId === null ? (
            <p className="text-sm text-slate-600">{canRun ? t("noneYetRun") : t("noneYet")}</p>
          ) : null}
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("historyTitle")} description={t("historyHint")} />
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
            <CardHeader title={t("dkimTitle")} />
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
  const t = useTranslations("check");
  const locale = useLocale();
  const summaryLine = useSummaryLine();
  const report = view.report;
  if (!report) return null;
  return (
    <div className="space-y-4" data-testid="check-report" data-run={view.run.id}>
      <div>
        <p className="text-sm font-medium text-slate-900" data-testid="check-summary">
          {summaryLine(report.summary)}
        </p>
        <p className="text-xs text-slate-500">
          {t("runLine", {
            time: formatUtcSecond(view.run.startedAt, locale),
            actor: view.run.actor,
            mode: report.mode ?? t("noMode"),
            ms: String(report.durationMs),
          })}
        </p>
        {report.deadlineHit ? (
          <Alert tone="warn" className="mt-2">
            {t("deadline")}
          </Alert>
        ) : null}
      </div>
      <section aria-label={t("changesTitle")} className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-800">{t("changesTitle")}</h3>
        <CheckChanges previous={view.previous} changes={view.changes} />
      </section>
      <CheckResults domain={domain} results={report.results} />
    </div>
  );
}
