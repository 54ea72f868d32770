import { err, ok, type Result } from "@/lib/core/diagnostic";
import { failure, type Failure } from "@/lib/core/failure";
import { currentSlot, manualSlotName } from "./schedule";
import type { Claim, ClaimStore, Clock, JobDef, SchedulerLog } from "./types";

// Issue 14 §1 and §5: the one scheduler, on SQLite and PostgreSQL alike. Every tick each
// job's current slot is claimed through the store (an insert that only one process wins, or
// the takeover of a row whose owner stopped renewing its lease); the winner runs the job
// and renews its lease while it works. The database is the only coordination: no process
// knows the others.

export interface SchedulerOptions {
  jobs: readonly JobDef[];
  store: ClaimStore;
  /** This process's name in the claim rows (host:pid:random). */
  owner: string;
  leaseMs: number;
  tickMs: number;
  clock?: Clock;
  log?: SchedulerLog;
  nonce?: () => string;
}

export interface Scheduler {
  /** One pass: claims and starts every due job; resolves once they are started. */
  tick(): Promise<void>;
  /** Starts `job` now in a slot of its own (the "Run now" button). */
  /** "Run now": the refusals carry their "apiErrors" message (issue 16 §6). */
  runNow(job: string): Promise<Result<{ slot: string }, Failure>>;
  start(): void;
  /** Stops ticking and renewing; running jobs are told through their signal. */
  stop(): void;
  /** Resolves when every job this process started has ended (tests, shutdown). */
  idle(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };
const quietLog: SchedulerLog = {
  debug: () => undefined,
  info: () => undefined,
  error: () => undefined,
};

export function createScheduler(o: SchedulerOptions): Scheduler {
  const clock = o.clock ?? systemClock;
  const log = o.log ?? quietLog;
  const nonce = o.nonce ?? (() => Math.random().toString(36).slice(2, 10));
  const startedAt = clock.now();
  const byName = new Map(o.jobs.map((j) => [j.name, j]));
  /** Scheduled runs in this process, by job: a job never overlaps itself here. */
  const scheduled = new Map<string, Promise<void>>();
  const all = new Set<Promise<void>>();
  const controllers = new Set<AbortController>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let ticking = false;
  let stopped = false;

  function execute(job: JobDef, claim: Claim, slotStart: Date): Promise<void> {
    const controller = new AbortController();
    controllers.add(controller);
    let lost = false;
    const renew = setInterval(
      () => {
        o.store.renew(claim, o.leaseMs, clock.now()).then(
          (held) => {
            if (held) return;
            lost = true;
            controller.abort(new Error("the lease was taken over by another instance"));
          },
          (e: unknown) => log.error({ err: e, job: job.name }, "renewing a job lease failed"),
        );
      },
      Math.max(10, Math.floor(o.leaseMs / 3)),
    );
    renew.unref?.();
    const ctx = {
      job: job.name,
      slot: claim.slot,
      slotStart,
      claimedAt: claim.claimedAt,
      attempt: claim.attempt,
      signal: controller.signal,
    };
    // A job that runs every minute would fill the log at info: its routine runs (first
    // attempt, done) are logged at debug; a take-over, a failure and daily jobs stay at info.
    const routine = job.schedule.kind === "every" && claim.attempt === 1;
    log[routine ? "debug" : "info"](
      { job: job.name, slot: claim.slot, attempt: claim.attempt },
      "job started",
    );
    const p = (async () => {
      let outcome: { status: "done" | "failed"; error?: string } = { status: "done" };
      try {
        await job.run(ctx);
      } catch (e) {
        outcome = { status: "failed", error: e instanceof Error ? e.message : String(e) };
        log.error({ err: e, job: job.name, slot: claim.slot }, "job failed");
      } finally {
        clearInterval(renew);
        controllers.delete(controller);
      }
      // A process that lost its lease leaves the row to the one that took it over.
      if (lost || stopped) return;
      await o.store
        .finish(claim, outcome, clock.now())
        .catch((e: unknown) => log.error({ err: e, job: job.name }, "recording a job failed"));
      log[routine && outcome.status === "done" ? "debug" : "info"](
        { job: job.name, slot: claim.slot, ...outcome },
        "job ended",
      );
    })();
    all.add(p);
    void p.finally(() => all.delete(p));
    return p;
  }

  // The run is handed back wrapped: an async function returning the promise itself would
  // wait for the whole run.
  type Started = { run: Promise<void> } | null;

  /** The job's current slot, claimed and started here; null when not due or held elsewhere. */
  async function dueSlot(job: JobDef, now: Date): Promise<Started> {
    const slot = currentSlot(job.schedule, now);
    if (!slot) return null;
    if (job.catchUpOnlyAfterFirstRun && slot.start < startedAt && !(await o.store.hasRun(job.name)))
      return null;
    const claim = await o.store.claim(job.name, slot.id, o.owner, o.leaseMs, now);
    if (!claim || stopped) return null;
    return { run: execute(job, claim, slot.start) };
  }

  /** A "Run now" run whose process died: taken over once its lease ran out, like a slot. */
  async function abandonedRun(job: JobDef, now: Date): Promise<Started> {
    for (const slot of await o.store.abandonedManual(job.name, now)) {
      const claim = await o.store.claim(job.name, slot, o.owner, o.leaseMs, now);
      if (claim && !stopped) return { run: execute(job, claim, claim.claimedAt) };
    }
    return null;
  }

  async function due(job: JobDef): Promise<void> {
    if (scheduled.has(job.name)) return;
    const now = clock.now();
    const started = (await dueSlot(job, now)) ?? (await abandonedRun(job, now));
    if (!started) return;
    scheduled.set(job.name, started.run);
    void started.run.finally(() => scheduled.delete(job.name));
  }

  return {
    async tick() {
      if (ticking || stopped) return;
      ticking = true;
      try {
        for (const job of o.jobs) {
          await due(job).catch((e: unknown) =>
            log.error({ err: e, job: job.name }, "claiming a job failed"),
          );
        }
      } finally {
        ticking = false;
      }
    },
    async runNow(name) {
      const job = byName.get(name);
      if (!job)
        return err(
          failure("not-found", `There is no job named "${name}".`, {
            key: "noJobNamed",
            params: { name },
          }),
        );
      const now = clock.now();
      const slot = manualSlotName(now, nonce());
      const claim = await o.store.claim(name, slot, o.owner, o.leaseMs, now);
      if (!claim)
        return err(
          failure("conflict", "That run could not be started; try again.", {
            key: "runNotStarted",
          }),
        );
      void execute(job, claim, now);
      return ok({ slot });
    },
    start() {
      if (timer || stopped) return;
      timer = setInterval(() => void this.tick(), o.tickMs);
      timer.unref?.();
      void this.tick();
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      for (const c of controllers) c.abort(new Error("the scheduler stopped"));
    },
    async idle() {
      while (all.size > 0) await Promise.allSettled([...all]);
    },
  };
}
