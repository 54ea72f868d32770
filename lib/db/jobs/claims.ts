import type { Db } from "../client";
import { isUniqueViolation } from "../errors";
import { MANUAL_SLOT_PREFIX as MANUAL } from "@/lib/jobs/schedule";
import type { Claim, ClaimStore } from "@/lib/jobs/types";

// Issue 14 §5: the scheduler's claims in the JobRun table, the same statements on SQLite
// and PostgreSQL. Claiming is an INSERT that the unique (job, slot) index lets only one
// process win; taking over is one conditional UPDATE (running, lease expired), which both
// engines apply to a row once: on PostgreSQL the second updater re-reads the row after the
// first commits and no longer matches; SQLite has one writer.

const ABANDONED = "the instance running it stopped before it finished";

export function jobClaimStore(db: Db): ClaimStore {
  return {
    async claim(job, slot, owner, leaseMs, now) {
      const leaseUntil = new Date(now.getTime() + leaseMs);
      try {
        const row = await db.jobRun.create({
          data: { job, slot, owner, leaseUntil, startedAt: now, status: "running", attempts: 1 },
          select: { id: true },
        });
        // Older slots of this job left running by a dead process are over: say so.
        await db.jobRun.updateMany({
          where: { job, status: "running", leaseUntil: { lt: now }, NOT: { slot } },
          data: { status: "failed", finishedAt: now, error: ABANDONED },
        });
        return { id: row.id, job, slot, owner, claimedAt: now, attempt: 1 };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
      const taken = await db.jobRun.updateMany({
        where: { job, slot, status: "running", leaseUntil: { lt: now } },
        data: { owner, leaseUntil, attempts: { increment: 1 } },
      });
      if (taken.count !== 1) return null;
      const row = await db.jobRun.findUnique({ where: { job_slot: { job, slot } } });
      if (!row || row.owner !== owner) return null;
      return { id: row.id, job, slot, owner, claimedAt: row.startedAt, attempt: row.attempts };
    },
    async renew(claim, leaseMs, now) {
      const r = await db.jobRun.updateMany({
        where: { id: claim.id, owner: claim.owner, status: "running" },
        data: { leaseUntil: new Date(now.getTime() + leaseMs) },
      });
      return r.count === 1;
    },
    async finish(claim: Claim, outcome, now) {
      await db.jobRun.updateMany({
        where: { id: claim.id, owner: claim.owner, status: "running" },
        data: {
          status: outcome.status,
          error: outcome.error?.slice(0, 1000) ?? null,
          finishedAt: now,
          leaseUntil: now,
        },
      });
    },
    async hasRun(job) {
      return (await db.jobRun.count({ where: { job } })) > 0;
    },
    async abandonedManual(job, now) {
      const rows = await db.jobRun.findMany({
        where: { job, status: "running", leaseUntil: { lt: now }, slot: { startsWith: MANUAL } },
        orderBy: { startedAt: "asc" },
        select: { slot: true },
        take: 10,
      });
      return rows.map((r) => r.slot);
    },
  };
}
