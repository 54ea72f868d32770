"use client";

import { Play } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { formatUtcMinute } from "@/lib/core/format-date";
import type { ScheduledJobRow } from "@/lib/scheduler/job-status";
import { useRunJob } from "@/lib/query/admin-mutations";

// Issue 14 §1: the scheduled jobs, their schedule and last run, and "Run now" (admins).
// Issue 16 §6: titles by the job's name, the schedule from its message ref, the status by id.

const TONE = { running: "info", done: "good", failed: "bad" } as const;

export function ScheduledJobs({ jobs }: { jobs: ScheduledJobRow[] }) {
  const t = useTranslations("settings.jobs");
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <ul className="divide-y divide-slate-100" aria-label={t("listLabel")}>
        {jobs.map((j) => (
          <li key={j.name} className="px-5 py-4">
            <JobItem job={j} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function JobItem({ job }: { job: ScheduledJobRow }) {
  const t = useTranslations("settings.jobs");
  const locale = useLocale();
  // The messages say "UTC" after each time.
  const minute = (iso: string) => formatUtcMinute(iso, locale, { zone: false });
  const run = useRunJob(job.name);
  const last = job.last;
  const ref = job.scheduleRef;
  const schedule =
    ref.key === "manual"
      ? t("schedule.manual")
      : ref.key === "daily"
        ? t("schedule.daily", ref.params)
        : t("schedule.every", ref.params);
  const taken = last !== null && last.attempts > 1;
  return (
    <div className="space-y-2" data-job={job.name}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-mono text-sm font-medium text-slate-900">{job.name}</p>
          <p className="text-sm text-slate-600">
            {t("line", { title: t(`names.${job.name}`), schedule })}
          </p>
        </div>
        <Button
          size="sm"
          variant="secondary"
          disabled={run.isPending}
          aria-label={t("runLabel", { name: job.name })}
          onClick={() => run.mutate()}
        >
          <Play aria-hidden />
          {run.isPending ? t("starting") : t("run")}
        </Button>
      </div>
      {last ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge tone={TONE[last.status]}>{t(`status.${last.status}`)}</Badge>
          {last.finishedAt
            ? t(taken ? "lastRunEndedTakenOver" : "lastRunEnded", {
                start: minute(last.startedAt),
                end: minute(last.finishedAt),
                attempt: String(last.attempts),
              })
            : t(taken ? "lastRunTakenOver" : "lastRun", {
                start: minute(last.startedAt),
                attempt: String(last.attempts),
              })}
        </p>
      ) : (
        <p className="text-sm text-slate-500">{t("notRun")}</p>
      )}
      {last?.error ? <Alert tone="bad">{t("failed", { error: last.error })}</Alert> : null}
      {run.data ? <Alert tone="good">{t("started", { name: job.name })}</Alert> : null}
      {run.error ? <Alert tone="bad">{run.error.message}</Alert> : null}
    </div>
  );
}
