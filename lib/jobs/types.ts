import type { Schedule } from "./schedule";

// The scheduler's parts as plain interfaces (issue 14 §1, §5): the claim store is lib/db's
// JobRun table in the app and an in-memory fake or a real SQLite file in tests; the clock
// and the timers are passed in too.

export interface JobContext {
  job: string;
  slot: string;
  /** When the slot began (for a manual run: when it was started). */
  slotStart: Date;
  /** When this (job, slot) was first claimed: a resumed job skips what was done since. */
  claimedAt: Date;
  /** 1 for the first owner; +1 for each takeover after an owner died. */
  attempt: number;
  /** Aborted when the lease was lost to another process or the scheduler stops. */
  signal: AbortSignal;
}

export interface JobDef {
  name: string;
  schedule: Schedule;
  /**
   * A slot that began before this scheduler started runs only when this job has run
   * before (a restart after a missed 03:00 catches up; a brand-new installation waits for
   * its first slot instead of re-checking every domain the moment it starts).
   */
  catchUpOnlyAfterFirstRun?: boolean;
  run(ctx: JobContext): Promise<void>;
}

/** A claimed (job, slot): the row this process owns until its lease runs out. */
export interface Claim {
  id: string;
  job: string;
  slot: string;
  owner: string;
  claimedAt: Date;
  attempt: number;
}

export interface ClaimStore {
  /**
   * Inserts the (job, slot) row as running with a lease, or takes over a running row whose
   * lease expired (attempts + 1). Null when another owner holds it or it is finished.
   */
  claim(
    job: string,
    slot: string,
    owner: string,
    leaseMs: number,
    now: Date,
  ): Promise<Claim | null>;
  /** Extends the lease; false when this owner no longer holds the row. */
  renew(claim: Claim, leaseMs: number, now: Date): Promise<boolean>;
  /** Marks the row done or failed (only while this owner holds it). */
  finish(
    claim: Claim,
    outcome: { status: "done" | "failed"; error?: string },
    now: Date,
  ): Promise<void>;
  /** Whether the job has any row (it has run, or is running, somewhere). */
  hasRun(job: string): Promise<boolean>;
  /** "Run now" slots of `job` still running whose lease ran out (their process died), oldest first. */
  abandonedManual(job: string, now: Date): Promise<string[]>;
}

export interface Clock {
  now(): Date;
}

export interface SchedulerLog {
  debug(o: object, msg: string): void;
  info(o: object, msg: string): void;
  error(o: object, msg: string): void;
}
