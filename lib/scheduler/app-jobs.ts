import { checkerOptions } from "@/lib/config/checker";
import { settings, type Settings } from "@/lib/config/settings";
import { startDomainCheck } from "@/lib/check-runs/run-domain-check";
import type { Db } from "@/lib/db/client";
import { deliverPendingAlerts } from "@/lib/db/alerts/deliver-pending";
import { listDomains } from "@/lib/db/domains/domains";
import { domainsCheckedSince, SCHEDULER_ACTOR } from "@/lib/db/jobs/job-runs";
import { watchDomain } from "@/lib/db/watch/watch-domain";
import { pruneRawInputsNow } from "@/lib/ingest/raw-retention";
import { recheckAll, recheckProblem, type CheckOutcome } from "@/lib/jobs/recheck";
import type { Schedule } from "@/lib/jobs/schedule";
import type { JobDef } from "@/lib/jobs/types";
import { logger } from "@/lib/log";
import { pollDueMailboxes } from "@/lib/mailbox/poll-due";

// Issue 14 §1: the app's scheduled jobs. Each runs once per slot across all instances
// (lib/jobs/scheduler.ts with the JobRun claims of lib/db/jobs).

export const JOB_NAMES = [
  "recheck-domains",
  "poll-mailboxes",
  "prune-raw-inputs",
  "deliver-alerts",
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const JOB_TITLES: Record<JobName, string> = {
  "recheck-domains": "Re-check every domain (full configuration check, then drift and expiry)",
  "poll-mailboxes": "Read the report mailboxes (IMAP) whose interval has passed",
  "prune-raw-inputs": "Delete raw inputs and refused submissions past their retention",
  "deliver-alerts": "Send queued alerts (e-mail, webhook), retrying failed ones",
};

/** Connections one scheduled check opens at once: STS_RECHECK_CONCURRENCY × this at most. */
export const RECHECK_CONNECTIONS_PER_DOMAIN = 4;

const MINUTE = 60_000;

/** One domain's scheduled check, stored under the scheduler's name. */
async function checkOne(db: Db, d: { id: string; name: string }): Promise<CheckOutcome> {
  const run = await startDomainCheck(db, d, SCHEDULER_ACTOR, {
    ...checkerOptions(),
    maxConcurrent: RECHECK_CONNECTIONS_PER_DOMAIN,
  });
  if (!run.ok) return "busy";
  await run.value.finished;
  return run.value.events.at(-1)?.type === "stored" ? "stored" : "failed";
}

export function appJobs(db: Db, s: Settings = settings()): JobDef[] {
  const recheck: Schedule =
    s.STS_RECHECK_AT === null
      ? { kind: "manual" }
      : { kind: "daily", minuteOfDay: s.STS_RECHECK_AT };
  return [
    {
      name: "recheck-domains",
      schedule: recheck,
      catchUpOnlyAfterFirstRun: true,
      async run(ctx) {
        const summary = await recheckAll(
          {
            domains: () => listDomains(db),
            checkedSince: (since) => domainsCheckedSince(db, since),
            checkOne: (d) => checkOne(db, d),
            watch: async (d) => void (await watchDomain(d.id)),
            concurrency: s.STS_RECHECK_CONCURRENCY,
            signal: ctx.signal,
            onError: (d, e) => logger.error({ err: e, domain: d.name }, "scheduled check failed"),
          },
          ctx.claimedAt,
        );
        logger.info({ ...summary, slot: ctx.slot, attempt: ctx.attempt }, "domains re-checked");
        const problem = recheckProblem(summary);
        if (problem) throw new Error(problem);
      },
    },
    {
      name: "poll-mailboxes",
      schedule: s.STS_DISABLE_POLLER ? { kind: "manual" } : { kind: "every", ms: MINUTE },
      run: () => pollDueMailboxes(),
    },
    {
      name: "prune-raw-inputs",
      // 04:30 UTC, after the re-check; a start after a missed slot prunes at once.
      schedule: { kind: "daily", minuteOfDay: 4 * 60 + 30 },
      run: () => pruneRawInputsNow(),
    },
    {
      name: "deliver-alerts",
      schedule: { kind: "every", ms: MINUTE },
      run: async () => void (await deliverPendingAlerts()),
    },
  ];
}
