import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestActor, openTestDb, type TestDb } from "../db.test-utils";
import { addDomain } from "../domains/domains";

// Issue 14 §5 with two real processes against one real PostgreSQL (npm run test:pg): two
// instances running the app's scheduler code (instance.test-utils.ts) run the re-check of
// 12 domains once between them; when the one running it is killed with SIGKILL mid-job, the
// other takes the job over once the lease expires and checks only the domains left, so
// every domain ends with exactly one stored scheduled check and one watch.

const DOMAINS = 12;
const CHECK_MS = 400;
const LEASE_MS = 1500;
let t: TestDb;
const children: ChildProcess[] = [];

beforeAll(async () => {
  t = await openTestDb();
  const actor = await createTestActor(t.db);
  for (let i = 0; i < DOMAINS; i++) {
    const r = await addDomain(t.db, { name: `d${i}.example`, displayName: `d${i}.example` }, actor);
    if (!r.ok) throw new Error(r.error);
  }
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  await t?.close();
});

function instance(name: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      path.join(__dirname, "instance.test-utils.ts"),
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: t.config.url,
        INSTANCE_NAME: name,
        STS_JOB_LEASE_MS: String(LEASE_MS),
        STS_JOB_TICK_MS: "100",
        CHECK_MS: String(CHECK_MS),
        CONCURRENCY: "2",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (b: Buffer) => {
      if (b.toString().includes("ready")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`instance ${name} exited (${code})`)));
  });
}

async function until<T>(what: string, probe: () => Promise<T | null | false>, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const storedChecks = () =>
  t.db.checkRun.findMany({
    where: { actor: "scheduler", status: "done" },
    select: { domainId: true },
  });

describe("two app instances on one PostgreSQL (issue 14 §5)", () => {
  it("run the re-check once; a killed instance's job is completed by the other, nothing doubled", async () => {
    // Both start; whichever claims the slot first is the one killed mid-job.
    const procs = { a: await instance("a"), b: await instance("b") };
    const row = await until("an instance to claim the job", () =>
      t.db.jobRun.findFirst({ where: { job: "recheck-test" } }),
    );
    const first = row.owner === "instance-a" ? "a" : "b";
    const second = first === "a" ? "b" : "a";
    // The first is mid-job: some domains stored, not all.
    await until("a few checks stored", async () => (await storedChecks()).length >= 4);
    expect((await storedChecks()).length).toBeLessThan(DOMAINS);
    procs[first].kill("SIGKILL");
    const killedAt = Date.now();
    const done = await until(
      "the job to finish",
      async () => {
        const r = await t.db.jobRun.findUnique({ where: { id: row.id } });
        return r?.status === "done" ? r : null;
      },
      30_000,
    );
    // b took over only after a's lease ran out, as the second attempt of the same slot.
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(LEASE_MS - 600);
    expect([done.slot, done.owner, done.attempts, done.error]).toEqual([
      row.slot,
      `instance-${second}`,
      2,
      null,
    ]);
    expect(await t.db.jobRun.count({ where: { job: "recheck-test" } })).toBe(1);

    const stored = await storedChecks();
    const perDomain = new Map<string, number>();
    for (const s of stored) perDomain.set(s.domainId, (perDomain.get(s.domainId) ?? 0) + 1);
    expect(perDomain.size).toBe(DOMAINS);
    expect([...perDomain.values()].every((n) => n === 1)).toBe(true);
    // b checked only what a had not stored.
    const watched = await t.db.setting.findMany({ where: { key: { startsWith: "watched:" } } });
    const byOwner = (o: string) => watched.filter((w) => w.key.endsWith(`:instance-${o}`)).length;
    expect(byOwner(first) + byOwner(second)).toBe(DOMAINS);
    expect(byOwner(first)).toBeGreaterThanOrEqual(4);
    expect(byOwner(second)).toBeGreaterThan(0);
    expect(new Set(watched.map((w) => w.key.split(":")[1])).size).toBe(DOMAINS);

    // The survivor keeps ticking but never runs the finished slot again.
    await new Promise((r) => setTimeout(r, 500));
    expect(await t.db.jobRun.count({ where: { job: "recheck-test" } })).toBe(1);
    expect((await storedChecks()).length).toBe(DOMAINS);
    procs[second].kill("SIGKILL");
  }, 60_000);
});
