import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { slotName } from "@/lib/jobs/schedule";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { addDomain } from "../domains/domains";
import {
  ensureProductionBuild,
  freePort,
  health,
  startApp,
  startSlowDns,
  until,
  type AppProcess,
} from "./app-process.test-utils";

// Issue 14 §5 (Tests): two real app processes, `npm start` (scripts/start.sh → next start on
// the production build) on two ports, against one real PostgreSQL (npm run test:pg), both
// with their scheduler on. The daily re-check's slot is due when they start; their resolver
// answers every question a second late, so each domain's full check takes a few seconds
// and the job is still running when the app holding its lease is SIGKILLed (its whole
// process group). The other app takes the same slot over once the lease expires and checks
// only what is left: every domain ends with exactly one stored check, the killed app's
// checks in flight are marked failed, and the JobRun row shows two attempts.
// No lab servers on :25/:443 (so no root and no /tmp/world.lock): only the slow resolver.

const DOMAINS = 10;
const DNS_DELAY_MS = 500;
const CONCURRENCY = 2;
// Renewed every third; long enough that an app's busy start (both load Next on a shared
// machine) does not stall a renewal past it, which would hand the job over early.
const LEASE_MS = 10_000;
const JOB = "recheck-domains";
const timings: Record<string, number> = {};
const t0 = performance.now();
const mark = (what: string) => void (timings[what] = Math.round(performance.now() - t0));
let t: TestDb;
let dns: Awaited<ReturnType<typeof startSlowDns>> | undefined;
let apps: AppProcess[] = [];
/** The slot the apps find due: STS_RECHECK_AT is the minute the test starts them in. */
let slot = "";

beforeAll(async () => {
  const build = ensureProductionBuild();
  timings[build.built ? "build (made)" : "build (reused)"] = Math.round(build.ms);
  t = await openTestDb();
  const actor = await createTestActor(t.db);
  for (let i = 0; i < DOMAINS; i++) {
    const name = `d${i}.two-apps.test`;
    const r = await addDomain(t.db, { name, displayName: name }, actor);
    if (!r.ok) throw new Error(r.error);
  }
  // An installation that has re-checked before: the slot due now runs at start
  // (catchUpOnlyAfterFirstRun), instead of waiting for the next STS_RECHECK_AT.
  const now = new Date();
  slot = slotName(now);
  const yesterday = new Date(now.getTime() - 86_400_000);
  await t.db.jobRun.create({
    data: {
      job: JOB,
      slot: slotName(yesterday),
      owner: "an earlier instance",
      status: "done",
      attempts: 1,
      startedAt: yesterday,
      finishedAt: yesterday,
      leaseUntil: yesterday,
    },
  });
  dns = await startSlowDns(DNS_DELAY_MS);
  mark("database, domains and resolver ready");
  const env = {
    DATABASE_URL: t.config.url,
    STS_DNS_SERVERS: dns.address,
    STS_RECHECK_AT: now.toISOString().slice(11, 16),
    STS_RECHECK_CONCURRENCY: String(CONCURRENCY),
    STS_JOB_LEASE_MS: String(LEASE_MS),
    STS_JOB_TICK_MS: "250",
    STS_DISABLE_POLLER: "1",
    LOG_LEVEL: "warn",
  };
  const pa = await freePort();
  let pb = await freePort();
  while (pb === pa) pb = await freePort();
  apps = [startApp("a", pa, env), startApp("b", pb, env)];
}, 600_000);

afterAll(async () => {
  for (const app of apps) await app.kill("SIGKILL");
  await dns?.close();
  await t?.close();
  console.log(`two-apps run (ms since the file started; counts): ${JSON.stringify(timings)}`);
});

const logs = () => apps.map((a) => `── app ${a.name} (${a.base})\n${a.log()}`).join("\n");
const checks = () =>
  t.db.checkRun.findMany({
    where: { actor: "scheduler" },
    select: { id: true, domainId: true, status: true, startedAt: true },
  });
const recheckRow = () =>
  t.db.jobRun.findFirst({ where: { job: JOB, owner: { not: "an earlier instance" } } });

describe("two real apps on one PostgreSQL (issue 14 §5)", () => {
  it("run the re-check once; the app killed mid-job has its job completed by the other", async () => {
    onTestFailed(() => console.log(logs()));
    const healthy = {
      status: 200,
      body: expect.objectContaining({
        status: "ok",
        database: { ok: true, provider: "postgresql" },
      }),
    };
    // Both answer /api/health on PostgreSQL (a build made without DATABASE_URL runs on it).
    for (const app of apps) {
      expect(
        await until(
          `app ${app.name} to answer /api/health`,
          async () => {
            const h = await health(app.base);
            return h?.status === 200 ? h : null;
          },
          60_000,
          logs,
        ),
      ).toEqual(healthy);
    }
    mark("both apps healthy");
    const claimed = await until("an app to claim the re-check", recheckRow, 20_000, logs);
    // Today's slot at STS_RECHECK_AT.
    expect([claimed.slot, claimed.status]).toEqual([slot, "running"]);
    // Mid-job: some domains stored, others not, a check in flight.
    await until(
      "the first app to be mid-job",
      async () => {
        const c = await checks();
        const done = c.filter((r) => r.status === "done").length;
        if (done >= DOMAINS - 3)
          throw new Error(`the job nearly ended before the kill (${done} stored)`);
        return done >= 3 && c.some((r) => r.status === "running");
      },
      60_000,
      logs,
    );
    // The app holding the job now (attempt 1 unless a stalled start lost the lease).
    const held = await t.db.jobRun.findUniqueOrThrow({ where: { id: claimed.id } });
    const holder = apps.find((a) => a.owns(Number(held.owner.split(":")[1])));
    const other = apps.find((a) => a !== holder);
    if (!holder || !other) throw new Error(`no app owns the claim ${held.owner}`);
    timings["attempt killed"] = held.attempts;
    await holder.kill("SIGKILL");
    mark(`app ${holder.name} killed (it held the job)`);
    const killedAt = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    const atKill = await checks();
    const storedByKilled = atKill.filter((r) => r.status === "done");
    const inFlight = atKill.filter((r) => r.status === "running").map((r) => r.id);
    timings["domains stored before the kill"] = storedByKilled.length;
    timings["checks in flight at the kill"] = inFlight.length;
    // Usually 1-2; 0 when the kill fell between two checks (a check had just been stored).
    // Either way the job is mid-way: 3 or more domains stored, 3 or more not.
    expect(inFlight.length).toBeLessThanOrEqual(CONCURRENCY);

    const finished = await until(
      "the other app to finish the job",
      async () => {
        const r = await t.db.jobRun.findUnique({ where: { id: claimed.id } });
        return r && r.status !== "running" ? r : null;
      },
      60_000,
      logs,
    );
    mark(`job finished by app ${other.name}`);
    // The survivor took the same slot over only once the dead app's lease ran out.
    expect(finished.owner).not.toBe(held.owner);
    expect(other.owns(Number(finished.owner.split(":")[1]))).toBe(true);
    expect([finished.slot, finished.status, finished.attempts, finished.error]).toEqual([
      slot,
      "done",
      held.attempts + 1,
      null,
    ]);
    expect(await t.db.jobRun.count({ where: { job: JOB } })).toBe(2); // yesterday's and this one

    // Every domain checked and stored exactly once; the killed app's checks in flight were
    // marked failed when the survivor took each domain's lease, none left running.
    const end = await checks();
    const done = end.filter((r) => r.status === "done");
    expect(done.length).toBe(DOMAINS);
    expect(new Set(done.map((r) => r.domainId)).size).toBe(DOMAINS);
    expect(
      end
        .filter((r) => r.status !== "done")
        .map((r) => [r.id, r.status])
        .sort(),
    ).toEqual(inFlight.map((id) => [id, "failed"]).sort());
    expect(end.length).toBe(DOMAINS + inFlight.length);
    // The survivor checked only what was left, and began only once the dead app's job lease
    // (renewed every third of it) had run out: never both at once.
    const before = new Set(storedByKilled.map((r) => r.id));
    const after = done.filter((r) => !before.has(r.id));
    expect(after.length).toBe(DOMAINS - storedByKilled.length);
    expect(after.length).toBeGreaterThanOrEqual(1);
    const firstAfter = Math.min(...after.map((r) => r.startedAt.getTime()));
    expect(firstAfter - killedAt).toBeGreaterThanOrEqual((LEASE_MS * 2) / 3 - 500);
    // Every job either app claimed (re-check, pruning, alert delivery) ended done, none
    // left running or failed by the kill.
    const runs = await t.db.jobRun.findMany({ select: { job: true, slot: true, status: true } });
    expect(runs.filter((r) => r.status !== "done")).toEqual([]);
    // The survivor still answers.
    expect(await health(other.base)).toEqual(healthy);
  }, 150_000);
});
