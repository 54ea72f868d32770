// The worker pool (issue 11, deliverable 2; spec §12-13): reads exactly as readAny does,
// refuses an input past its deadline and keeps serving, and leaves the event loop free
// while a worker reads or hashes. Real worker threads running lib/pool/worker.ts via tsx.
import { performance } from "node:perf_hooks";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../auth/password";
import { readAny } from "../tlsrpt/read-any";
import { bytesOf, emailOf, googleReport, gzipOf } from "../tlsrpt/inline-reports.test-utils";
import { WorkerPool } from "./pool";
import { slowReport } from "./inputs.test-utils";

// The project's own fixtures (the shared sample corpus is an extra suite, not needed here).
const withId = (id: string) => ({ ...googleReport(), "report-id": id });
const FIXTURES: Record<string, Uint8Array> = {
  "report.json.gz": gzipOf(withId("pool-gzip")),
  "report.eml": emailOf([
    { type: "application/tlsrpt+gzip", name: "r.json.gz", body: gzipOf(withId("pool-eml")) },
  ]),
  "report.json": bytesOf(withId("pool-json")),
};
const fixture = (name: string): Uint8Array => {
  const bytes = FIXTURES[name];
  if (!bytes) throw new Error(`no fixture ${name}`);
  return bytes;
};

interface Loop {
  /** Longest gap between ticks of a 5 ms interval, in ms. */
  gap: number;
  /** Share of the time the event loop was busy (performance.eventLoopUtilization). */
  busy: number;
}

/** Runs `work` and reports how the event loop fared meanwhile. */
async function watchLoop(work: () => Promise<unknown>): Promise<Loop> {
  let last = performance.now();
  let gap = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 5);
  await new Promise((r) => setTimeout(r, 20));
  const elu = performance.eventLoopUtilization();
  try {
    await work();
  } finally {
    clearInterval(tick);
  }
  const busy = performance.eventLoopUtilization(elu).utilization;
  return { gap: Math.max(gap, performance.now() - last), busy };
}

/**
 * Up to `n` attempts of `run`, stopping at the first that `passes`; the last otherwise. On a
 * shared, loaded machine one attempt can lose the CPU for a while; three in a row do not,
 * while a pool that ran its work on the event loop fails every attempt.
 */
async function bestOf<T>(n: number, run: () => Promise<T>, passes: (t: T) => boolean) {
  let last = await run();
  for (let i = 1; i < n && !passes(last); i++) last = await run();
  return last;
}

/**
 * The loop stayed free: busy under a fifth of the time, ticks within 100 ms. Utilisation
 * is the load-proof measure; the gap also counts the time this process waits for a core,
 * which on a loaded shared machine (load 12 on 2 cores, seen) reaches ~50 ms.
 */
const GAP_MS = 100;
const free = (l: Loop) => l.gap < GAP_MS && l.busy < 0.2;

const pools: WorkerPool[] = [];
const makePool = (readTimeoutMs: number, niceIncrement?: number) => {
  const p = new WorkerPool({ threads: 1, readTimeoutMs, niceIncrement });
  pools.push(p);
  return p;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

// Worker threads start tsx on a loaded machine slowly: nothing here is timed by vitest.
describe("worker pool (RPT-ING-1, spec §12-13)", { timeout: 120_000 }, () => {
  it("reads a gzip report, an e-mail and a refusal exactly as readAny does", async () => {
    const pool = makePool(10_000);
    const inputs: [Uint8Array, string][] = [
      [fixture("report.json.gz"), "report.json.gz"],
      [fixture("report.eml"), "report.eml"],
      [gzipOf(googleReport()), "google.json.gz"],
      [Buffer.from('{"policies": ['), "broken.json"],
    ];
    for (const [bytes, filename] of inputs) {
      const inPool = await pool.read(bytes, { filename });
      expect(inPool).toStrictEqual(await readAny(bytes, { filename }));
    }
    const read = await pool.read(gzipOf(googleReport()));
    if (!read.ok) throw new Error(read.error.message);
    // Structured clone keeps Dates as Dates (no string round trip).
    expect(read.value.reports[0]?.startDatetime).toBeInstanceOf(Date);
    expect(read.value.reports[0]?.startDatetime.toISOString()).toBe("2025-04-12T00:00:00.000Z");
  });

  it("refuses an input past the deadline with the reason, then reads the next one", async () => {
    // The slow input costs ~450 ms of CPU time, the next one a few ms: 250 ms tells them apart
    // also on a loaded machine (normal priority here: the worker's share is not under test).
    const pool = makePool(250, 0);
    const slow = slowReport();
    expect(await pool.read(slow)).toStrictEqual({
      ok: false,
      error: {
        code: "too-slow",
        message: "the input took more than 250 ms to read and was refused",
        ref: { key: "refusals.tooSlow", params: { time: "250 ms" } },
      },
    });
    const next = await pool.read(gzipOf(googleReport()));
    expect(next.ok && next.value.reports.map((r) => r.reportId)).toStrictEqual([
      "2025-04-12T00:00:00Z_example.com",
    ]);
  });

  it("counts the deadline from when a worker starts, not while the input waits", async () => {
    const pool = makePool(10_000);
    // One thread: the second task queues behind the first for ~300 ms, more than its own
    // 200 ms deadline, yet it runs only ~20 ms once started.
    const [first, second] = await Promise.all([pool.spin([300], 1000), pool.spin([20], 200)]);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(await pool.spin([2000], 100)).toBe(0);
  });

  it("runs a sign-in's password compare before report reads queued ahead of it", async () => {
    const pool = makePool(10_000);
    const hash = await pool.hash("correct horse battery", 4);
    const order: string[] = [];
    const track = <T>(label: string, p: Promise<T>) => p.then(() => void order.push(label));
    // One thread, busy with a read; two more reads queue, then a password compare arrives.
    const running = track("read 1", pool.spin([300], 5000));
    const queued = [
      track("read 2", pool.spin([300], 5000)),
      track("read 3", pool.spin([300], 5000)),
    ];
    await new Promise((r) => setTimeout(r, 50));
    const compare = track("compare", pool.compare("correct horse battery", hash));
    await Promise.all([running, ...queued, compare]);
    expect(order).toEqual(["read 1", "compare", "read 2", "read 3"]);
  });

  it("gives each step of a batch its own deadline and names the one that overran", async () => {
    const pool = makePool(10_000);
    // Four steps of 60 ms under a 200 ms deadline: 240 ms in all, none over its own.
    expect(await pool.spin([60, 60, 60, 60], 200)).toHaveLength(4);
    expect(await pool.spin([10, 10, 2000, 10], 200)).toBe(2);
  });

  it("reads a batch exactly as it reads each input alone, a broken one in the middle", async () => {
    const pool = makePool(10_000);
    const named = (file: string) => ({
      bytes: fixture(file),
      hints: { filename: file },
    });
    const inputs = [
      named("report.json.gz"),
      named("report.eml"),
      { bytes: Buffer.from('{"policies": ['), hints: { filename: "broken.json" } },
      named("report.json"),
      { bytes: gzipOf(googleReport()), hints: {} },
    ];
    const batch = await pool.readMany(inputs);
    const alone = [];
    for (const i of inputs) alone.push(await pool.read(i.bytes, i.hints));
    expect(batch).toStrictEqual(alone);
    expect(batch.map((r) => r.ok)).toStrictEqual([true, true, false, true, true]);
    expect(batch[2]?.ok === false && batch[2].error.message).toMatch(
      /^the report is not valid JSON/,
    );
    const last = batch[4];
    expect(last?.ok && last.value.reports[0]?.startDatetime).toBeInstanceOf(Date);
    expect(await pool.readMany([])).toStrictEqual([]);
  });

  it("refuses only the slow input of a batch, with the reason, and reads the others", async () => {
    const pool = makePool(50);
    const report = (id: string) => gzipOf({ ...googleReport(), "report-id": id });
    const inputs = [report("a"), report("b"), slowReport(), report("c"), slowReport(), report("d")];
    const outcomes = await pool.readMany(inputs.map((bytes) => ({ bytes, hints: {} })));
    const tooSlow = {
      ok: false,
      error: {
        code: "too-slow",
        message: "the input took more than 50 ms to read and was refused",
        ref: { key: "refusals.tooSlow", params: { time: "50 ms" } },
      },
    };
    expect(outcomes[2]).toStrictEqual(tooSlow);
    expect(outcomes[4]).toStrictEqual(tooSlow);
    expect(
      outcomes.map((o) => (o.ok ? o.value.reports.map((r) => r.reportId) : null)),
    ).toStrictEqual([["a"], ["b"], null, ["c"], null, ["d"]]);
  });

  // Utilisation (time the loop spent running rather than waiting, over the same window) tells
  // waiting from working whatever the load; the gap gets the best of 3 attempts.
  it("keeps the event loop ticking within 100 ms while a worker reads a slow input", async () => {
    const slow = slowReport();
    const pool = makePool(30_000);
    await pool.read(gzipOf(googleReport()));
    let outcome: Awaited<ReturnType<WorkerPool["read"]>> | undefined;
    const loop = await bestOf(
      3,
      () => watchLoop(async () => (outcome = await pool.read(slow))),
      free,
    );
    expect(outcome?.ok && outcome.value.reports[0]?.policies[0]?.failureDetails.length).toBe(1);
    expect(loop.busy).toBeLessThan(0.2);
    expect(loop.gap).toBeLessThan(GAP_MS);
    // The same input read on the event loop stalls it, in every attempt: the check can fail.
    const onLoop = await bestOf(3, () => watchLoop(() => readAny(slow)), free);
    expect(free(onLoop)).toBe(false);
    expect(onLoop.busy).toBeGreaterThan(0.8);
    expect(onLoop.gap).toBeGreaterThan(GAP_MS);
  });

  it("hashes and verifies passwords without stalling the event loop", async () => {
    await verifyPassword("warm up", "$2b$04$abcdefghijklmnopqrstuu5Ql0qN7wq3yXn9Ih0Y7x2mN9S0/7rW.");
    let hash = "";
    const loop = await bestOf(
      3,
      () =>
        watchLoop(async () => {
          hash = await hashPassword("correct horse battery");
          expect(await verifyPassword("correct horse battery", hash)).toBe(true);
          expect(await verifyPassword("wrong horse battery", hash)).toBe(false);
        }),
      free,
    );
    expect(hash).toMatch(/^\$2b\$12\$/);
    expect(loop.gap).toBeLessThan(GAP_MS);
    // bcryptjs on the event loop would keep it busy most of the time (in 100 ms slices).
    expect(loop.busy).toBeLessThan(0.2);
  });
});
