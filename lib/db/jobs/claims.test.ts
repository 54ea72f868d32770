import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScheduler } from "@/lib/jobs/scheduler";
import type { JobContext, JobDef } from "@/lib/jobs/types";
import { openTestDb, type TestDb } from "../db.test-utils";
import { jobClaimStore } from "./claims";
import { releaseLease, takeLease, withLease } from "./leases";

// Issue 14 §5 on a real database file (and on PostgreSQL under npm run test:pg): each
// (job, slot) runs once whatever the number of schedulers, a dead owner's job is taken over
// once its lease expires, and a living owner's renewals keep it.

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fixed = (iso: string) => ({ now: () => new Date(iso) });

function counting(name: string, body: (ctx: JobContext) => Promise<void> = async () => undefined) {
  const runs: JobContext[] = [];
  const job: JobDef = {
    name,
    schedule: { kind: "every", ms: 60_000 },
    run: async (ctx) => {
      runs.push(ctx);
      await body(ctx);
    },
  };
  return { job, runs };
}

describe("job claims (issue 14 §5)", () => {
  it("two schedulers ticking the same slot run the job once and record it done", async () => {
    const { job, runs } = counting("once");
    const clock = fixed("2026-12-01T10:00:30.000Z");
    const store = jobClaimStore(t.db);
    const a = createScheduler({
      jobs: [job],
      store,
      owner: "a",
      leaseMs: 5000,
      tickMs: 1000,
      clock,
    });
    const b = createScheduler({
      jobs: [job],
      store,
      owner: "b",
      leaseMs: 5000,
      tickMs: 1000,
      clock,
    });
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await Promise.all([a.idle(), b.idle()]);
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.idle(), b.idle()]);
    expect(runs.map((r) => [r.slot, r.attempt])).toEqual([["2026-12-01T10:00Z", 1]]);
    const rows = await t.db.jobRun.findMany({ where: { job: "once" } });
    expect(rows.map((r) => [r.slot, r.status, r.attempts, r.error])).toEqual([
      ["2026-12-01T10:00Z", "done", 1, null],
    ]);
    expect(rows[0]?.finishedAt?.toISOString()).toBe("2026-12-01T10:00:30.000Z");
  });

  it("a job whose owner stopped renewing is taken over once, with attempts 2", async () => {
    const { job, runs } = counting("takeover");
    const store = jobClaimStore(t.db);
    // The dead process: claimed at 10:00:00 with a 5 s lease, then never heard of again.
    const dead = await store.claim(
      "takeover",
      "2026-12-01T10:00Z",
      "dead",
      5000,
      new Date("2026-12-01T10:00:00.000Z"),
    );
    expect(dead?.attempt).toBe(1);
    const early = createScheduler({
      jobs: [job],
      store,
      owner: "b",
      leaseMs: 5000,
      tickMs: 1000,
      clock: fixed("2026-12-01T10:00:04.000Z"),
    });
    await early.tick();
    await early.idle();
    expect(runs).toHaveLength(0);
    const late = createScheduler({
      jobs: [job],
      store,
      owner: "b",
      leaseMs: 5000,
      tickMs: 1000,
      clock: fixed("2026-12-01T10:00:06.000Z"),
    });
    const other = createScheduler({
      jobs: [job],
      store,
      owner: "c",
      leaseMs: 5000,
      tickMs: 1000,
      clock: fixed("2026-12-01T10:00:06.000Z"),
    });
    await Promise.all([late.tick(), other.tick()]);
    await Promise.all([late.idle(), other.idle()]);
    expect(runs.map((r) => [r.attempt, r.claimedAt.toISOString()])).toEqual([
      [2, "2026-12-01T10:00:00.000Z"],
    ]);
    const row = await t.db.jobRun.findUniqueOrThrow({
      where: { job_slot: { job: "takeover", slot: "2026-12-01T10:00Z" } },
    });
    // b and c tick at the same moment: either may win the takeover, but only one does.
    expect([row.status, row.attempts]).toEqual(["done", 2]);
    expect(["b", "c"]).toContain(row.owner);
    // The dead owner, were it to wake up, can neither renew nor finish the row.
    expect(await store.renew(dead!, 5000, new Date("2026-12-01T10:00:07.000Z"))).toBe(false);
  });

  it("an owner that keeps renewing is never taken over, and its job ends done", async () => {
    let release: () => void = () => undefined;
    const { job, runs } = counting("renewed", () => new Promise<void>((r) => (release = r)));
    const store = jobClaimStore(t.db);
    // The lease is outlived three times over. It is long enough that a renewal (every
    // 400 ms) delayed by a busy machine (the CI runs this beside other files) still lands.
    const a = createScheduler({ jobs: [job], store, owner: "a", leaseMs: 1200, tickMs: 1000 });
    const b = createScheduler({ jobs: [job], store, owner: "b", leaseMs: 1200, tickMs: 1000 });
    await a.tick();
    for (let i = 0; i < 12; i++) {
      await sleep(300);
      await b.tick();
    }
    release();
    await Promise.all([a.idle(), b.idle()]);
    expect(runs).toHaveLength(1);
    const rows = await t.db.jobRun.findMany({ where: { job: "renewed" } });
    expect(rows.map((r) => [r.status, r.attempts, r.owner])).toEqual([["done", 1, "a"]]);
  });

  it("an owner that lost its lease is told through its signal and leaves the row to the new owner", async () => {
    let aborted: unknown = null;
    const { job } = counting(
      "lost",
      (ctx) =>
        new Promise<void>((_, reject) =>
          ctx.signal.addEventListener("abort", () => {
            aborted = ctx.signal.reason;
            reject(ctx.signal.reason as Error);
          }),
        ),
    );
    const store = jobClaimStore(t.db);
    const a = createScheduler({ jobs: [job], store, owner: "a", leaseMs: 300, tickMs: 1000 });
    await a.tick();
    const row = await t.db.jobRun.findFirstOrThrow({ where: { job: "lost" } });
    // a stalls (say, a long pause) and its lease runs out; b takes the job over.
    await t.db.jobRun.update({ where: { id: row.id }, data: { leaseUntil: new Date(0) } });
    const taken = await store.claim("lost", row.slot, "b", 60_000, new Date());
    expect(taken?.attempt).toBe(2);
    await a.idle();
    expect(String(aborted)).toBe("Error: the lease was taken over by another instance");
    const after = await t.db.jobRun.findUniqueOrThrow({ where: { id: row.id } });
    expect([after.owner, after.status, after.attempts]).toEqual(["b", "running", 2]);
  });

  it("a job that throws is recorded failed with its message", async () => {
    const { job } = counting("throws", async () => {
      throw new Error("the mailbox server said no");
    });
    const s = createScheduler({
      jobs: [job],
      store: jobClaimStore(t.db),
      owner: "a",
      leaseMs: 5000,
      tickMs: 1000,
    });
    await s.tick();
    await s.idle();
    const rows = await t.db.jobRun.findMany({ where: { job: "throws" } });
    expect(rows.map((r) => [r.status, r.error])).toEqual([
      ["failed", "the mailbox server said no"],
    ]);
  });

  it("logs an every-minute job's routine runs at debug, its failures and daily jobs at info", async () => {
    const lines: string[] = [];
    const log = {
      debug: (o: object, msg: string) => void lines.push(`debug ${msg} ${JSON.stringify(o)}`),
      info: (o: object, msg: string) => void lines.push(`info ${msg} ${JSON.stringify(o)}`),
      error: (_o: object, msg: string) => void lines.push(`error ${msg}`),
    };
    const minutely = counting("log-minutely").job;
    const failing = counting("log-failing", async () => {
      throw new Error("no");
    }).job;
    const daily: JobDef = {
      ...counting("log-daily").job,
      schedule: { kind: "daily", minuteOfDay: 0 },
    };
    const s = createScheduler({
      jobs: [minutely, failing, daily],
      store: jobClaimStore(t.db),
      owner: "a",
      leaseMs: 5000,
      tickMs: 1000,
      clock: fixed("2026-12-01T10:00:30.000Z"),
      log,
    });
    await s.tick();
    await s.idle();
    expect(lines.sort()).toEqual(
      [
        'debug job started {"job":"log-minutely","slot":"2026-12-01T10:00Z","attempt":1}',
        'debug job ended {"job":"log-minutely","slot":"2026-12-01T10:00Z","status":"done"}',
        'debug job started {"job":"log-failing","slot":"2026-12-01T10:00Z","attempt":1}',
        "error job failed",
        'info job ended {"job":"log-failing","slot":"2026-12-01T10:00Z","status":"failed","error":"no"}',
        'info job started {"job":"log-daily","slot":"2026-12-01T00:00Z","attempt":1}',
        'info job ended {"job":"log-daily","slot":"2026-12-01T00:00Z","status":"done"}',
      ].sort(),
    );
  });

  it("a daily job that never ran waits for its first slot; once it has run, a missed slot catches up", async () => {
    const { job, runs } = counting("daily");
    const daily: JobDef = {
      ...job,
      schedule: { kind: "daily", minuteOfDay: 180 },
      catchUpOnlyAfterFirstRun: true,
    };
    const store = jobClaimStore(t.db);
    const fresh = createScheduler({
      jobs: [daily],
      store,
      owner: "a",
      leaseMs: 5000,
      tickMs: 1000,
      clock: fixed("2026-12-01T10:00:00.000Z"),
    });
    await fresh.tick();
    expect(runs).toHaveLength(0);
    let now = new Date("2026-12-01T10:00:00.000Z");
    const living = createScheduler({
      jobs: [daily],
      store,
      owner: "a",
      leaseMs: 5000,
      tickMs: 1000,
      clock: { now: () => now },
    });
    now = new Date("2026-12-02T03:00:05.000Z");
    await living.tick();
    await living.idle();
    expect(runs.map((r) => r.slot)).toEqual(["2026-12-02T03:00Z"]);
    // Down from before 03:00 on the 3rd until 09:00: the restart catches up.
    const restarted = createScheduler({
      jobs: [daily],
      store,
      owner: "b",
      leaseMs: 5000,
      tickMs: 1000,
      clock: fixed("2026-12-03T09:00:00.000Z"),
    });
    await restarted.tick();
    await restarted.idle();
    expect(runs.map((r) => r.slot)).toEqual(["2026-12-02T03:00Z", "2026-12-03T03:00Z"]);
  });

  it("a Run now run whose process died is finished by another once its lease ran out", async () => {
    // A job that runs only by hand (e.g. the re-check with STS_RECHECK_AT=off): no scheduled
    // slot would ever supersede the dead run, so the takeover is the only way it finishes.
    const runs: JobContext[] = [];
    const job: JobDef = {
      name: "hand-only",
      schedule: { kind: "manual" },
      run: async (ctx) => void runs.push(ctx),
    };
    const store = jobClaimStore(t.db);
    const dead = createScheduler({
      jobs: [{ ...job, run: () => new Promise<void>(() => undefined) }], // dies mid-run
      store,
      owner: "dead",
      leaseMs: 5000,
      tickMs: 1000,
      clock: fixed("2026-12-01T11:00:00.000Z"),
      nonce: () => "d1",
    });
    const started = await dead.runNow("hand-only");
    const slot = started.ok ? started.value.slot : "";
    dead.stop(); // stops renewing, as a killed process would
    const at = (iso: string) =>
      createScheduler({
        jobs: [job],
        store,
        owner: "b",
        leaseMs: 5000,
        tickMs: 1000,
        clock: fixed(iso),
      });
    const early = at("2026-12-01T11:00:04.000Z");
    await early.tick();
    await early.idle();
    expect(runs).toHaveLength(0);
    const late = at("2026-12-01T11:00:06.000Z");
    await late.tick();
    await late.idle();
    await late.tick(); // done: not run again
    await late.idle();
    expect(runs.map((r) => [r.slot, r.attempt, r.slotStart.toISOString()])).toEqual([
      [slot, 2, "2026-12-01T11:00:00.000Z"],
    ]);
    const row = await t.db.jobRun.findUniqueOrThrow({
      where: { job_slot: { job: "hand-only", slot } },
    });
    expect([row.status, row.attempts, row.owner, row.error]).toEqual(["done", 2, "b", null]);
  });

  it("Run now runs in a slot of its own, next to the scheduled one", async () => {
    const { job, runs } = counting("by-hand");
    const s = createScheduler({
      jobs: [job],
      store: jobClaimStore(t.db),
      owner: "a",
      leaseMs: 5000,
      tickMs: 1000,
      nonce: () => "n1",
    });
    const started = await s.runNow("by-hand");
    await s.idle();
    expect(started.ok && started.value.slot).toMatch(/^manual-\d{4}-\d\d-\d\dT[\d:.]+Z-n1$/);
    expect(runs).toHaveLength(1);
    expect(await s.runNow("no-such-job")).toEqual({
      ok: false,
      error: {
        kind: "not-found",
        message: 'There is no job named "no-such-job".',
        ref: { key: "noJobNamed", params: { name: "no-such-job" } },
      },
    });
  });
});

describe("named leases (issue 14 §5)", () => {
  it("one holder at a time; an expired lease can be taken; release frees it", async () => {
    const t0 = new Date("2026-12-01T10:00:00.000Z");
    expect(await takeLease(t.db, "mailbox:m1", "a", 1000, t0)).toBe(true);
    expect(await takeLease(t.db, "mailbox:m1", "b", 1000, new Date(t0.getTime() + 999))).toBe(
      false,
    );
    expect(await takeLease(t.db, "mailbox:m1", "b", 1000, new Date(t0.getTime() + 1001))).toBe(
      true,
    );
    await releaseLease(t.db, "mailbox:m1", "a"); // not a's any more: nothing happens
    expect(await takeLease(t.db, "mailbox:m1", "c", 1000, new Date(t0.getTime() + 1002))).toBe(
      false,
    );
    await releaseLease(t.db, "mailbox:m1", "b");
    expect(await takeLease(t.db, "mailbox:m1", "c", 1000, new Date(t0.getTime() + 1003))).toBe(
      true,
    );
    await releaseLease(t.db, "mailbox:m1", "c");
  });

  it("withLease reports busy while another holds the key and releases after the work", async () => {
    let inside = 0;
    const work = async () => {
      inside++;
      await sleep(50);
      return "read";
    };
    const [one, two] = await Promise.all([
      withLease(t.db, "check:d1", "a", { ttlMs: 5000 }, work),
      sleep(10).then(() => withLease(t.db, "check:d1", "b", { ttlMs: 5000 }, work)),
    ]);
    expect(one).toEqual({ ok: true, value: "read" });
    expect(two).toEqual({ ok: false, busy: true });
    expect(inside).toBe(1);
    expect(await t.db.lease.count({ where: { key: "check:d1" } })).toBe(0);
  });
});
