"use client";

import { Play } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { ScheduledJobRow } from "@/lib/scheduler/job-status";
import { useRunJob } from "@/lib/query/admin-mutations";

// Issue 14 §1: the scheduled jobs, their schedule and last run, and "Run now" (admins).

const minute = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
const TONE = { running: "info", done: "good", failed: "bad" } as const;

export function ScheduledJobs({ jobs }: { jobs: ScheduledJobRow[] }) {
  return (
    <Card>
      <CardHeader
        title="Scheduled jobs"
        description="Each runs once per scheduled time however many instances of the app serve this database; a job whose instance stops is finished by another."
      />
      <ul className="divide-y divide-slate-100" aria-label="Scheduled jobs">
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
  const run = useRunJob(job.name);
  const last = job.last;
  return (
    <div className="space-y-2" data-job={job.name}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-mono text-sm font-medium text-slate-900">{job.name}</p>
          <p className="text-sm text-slate-600">
            {job.title}: {job.schedule}.
          </p>
        </div>
        <Button
          size="sm"
          variant="secondary"
          disabled={run.isPending}
          aria-label={`Run now: ${job.name}`}
          onClick={() => run.mutate()}
        >
          <Play aria-hidden />
          {run.isPending ? "Starting…" : "Run now"}
        </Button>
      </div>
      {last ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge tone={TONE[last.status]}>{last.status}</Badge>
          Last run started {minute(last.startedAt)}
          {last.finishedAt ? `, ended ${minute(last.finishedAt)}` : ""}
          {last.attempts > 1 ? ` (taken over, attempt ${last.attempts})` : ""}
        </p>
      ) : (
        <p className="text-sm text-slate-500">Not run yet.</p>
      )}
      {last?.error ? <Alert tone="bad">Last run failed: {last.error}</Alert> : null}
      {run.data ? <Alert tone="good">Started {job.name}.</Alert> : null}
      {run.error ? <Alert tone="bad">{run.error.message}</Alert> : null}
    </div>
  );
}
