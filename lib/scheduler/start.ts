import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { jobClaimStore } from "@/lib/db/jobs/claims";
import { processOwner } from "@/lib/db/jobs/owner";
import type { Result } from "@/lib/core/diagnostic";
import type { Failure } from "@/lib/core/failure";
import { createScheduler, type Scheduler } from "@/lib/jobs/scheduler";
import { logger } from "@/lib/log";
import { appJobs } from "./app-jobs";

// The process's one scheduler (issue 14 §1, §5), started from instrumentation.ts and asked
// by the "Run now" route. Kept on globalThis: the server bundles modules into more than one
// chunk, and dev reloads must not start a second one.

const holder = globalThis as unknown as { __stsScheduler?: Promise<Scheduler> };

function scheduler(): Promise<Scheduler> {
  holder.__stsScheduler ??= (async () => {
    const db = await getDb();
    const s = settings();
    return createScheduler({
      jobs: appJobs(db, s),
      store: jobClaimStore(db),
      owner: processOwner(),
      leaseMs: s.STS_JOB_LEASE_MS,
      tickMs: s.STS_JOB_TICK_MS,
      log: {
        debug: (o, msg) => logger.debug(o, msg),
        info: (o, msg) => logger.info(o, msg),
        error: (o, msg) => logger.error(o, msg),
      },
    });
  })().catch((e: unknown) => {
    holder.__stsScheduler = undefined;
    throw e;
  });
  return holder.__stsScheduler;
}

/** Starts ticking (idempotent). A database that cannot be opened is logged, not thrown:
 * the server still starts and answers /api/health with the problem. */
export async function startScheduler(): Promise<void> {
  try {
    (await scheduler()).start();
    logger.info("scheduler started");
  } catch (e) {
    logger.error({ err: e }, "the scheduler could not start");
  }
}

/** "Run now": the job in a slot of its own, on this instance. */
export async function runJobNow(job: string): Promise<Result<{ slot: string }, Failure>> {
  return (await scheduler()).runNow(job);
}
