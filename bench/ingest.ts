// Benchmark: the bulk path (ingestInOrder, what `npm run ingest` and the demo use: reads in
// the worker pool in batches of up to BATCH_INPUTS inputs, stores in input order) over a
// generated corpus of gzip reports, into a fresh SQLite file; and ingestBytes (the
// single-input path the HTTPS endpoint, IMAP poller and upload use) with 32 in flight, into a
// fresh database when DATABASE_URL names a PostgreSQL server. The raw floor (gunzipSync +
// JSON.parse of the same bytes) is measured in the same run and printed for information.
// Target on SQLite (issue 13, item 1): bulk path ≥ 2,000 reports/s (wall, median of runs).
// The older "≤ 5× the floor" target is retired; the ratio is printed for information only.
// Measured 2026-11-30 on the shared 2-core VM (medians of 3 runs; wall rates swing with
// the machine's load, CPU rates much less): batches of 64, 5,449 reports/s wall (6,550–6,720
// CPU), 8.9× the floor at load 4; 1,768 and 2,006 wall (5,100–5,850 CPU) at load 12–16.
// The same bench on the code before batching (one worker hop per input), in the same
// session: 3,931 wall (3,200–4,000 CPU), 12.8× at load 4; 508 wall (1,500–1,700 CPU) at 16.
// Both sides are measured warm: the floor after a warm-up pass, ingestion after an untimed
// run of a same-sized corpus into a scratch database (JIT compiled, heap grown),
// and only once the process is idle again: creating a Prisma client compiles its wasm query
// engine on background threads for about half a second, and process CPU time counts them.
// Three runs, each into a fresh file; the verdict is on their medians.
// Run: npm run bench:ingest -- [reports]   (bench:ingest:pg for PostgreSQL)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { createDb, type Db } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { closeSqliteStore } from "../lib/db/reports/sqlite-store";
import { openTestDb } from "../lib/db/test-db";
import { ingestInOrder } from "../lib/ingest/bulk";
import { ingestBytes, type IngestOutcome } from "../lib/ingest/ingest";
import { makeCorpus } from "./lib/report-corpus";

const COUNT = Number(process.argv[2] ?? 20_000);
const DOMAINS = 97; // the corpus names customer0..96.example
const corpus = makeCorpus(COUNT);
const withFailures = corpus.filter((b) => gunzipSync(b).includes("failure-details")).length;

/** CPU time of this process (user + system) in seconds: robust on a shared machine, where
 * wall time also counts the time other processes hold the CPU (as in bench/parse.ts). */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

interface Timing {
  wall: number;
  cpu: number;
}

function floorTiming(part: Buffer[] = corpus): Timing {
  const t0 = performance.now();
  const c0 = cpuSeconds();
  let n = 0;
  for (const b of part) {
    n += (JSON.parse(gunzipSync(b).toString("utf8")) as { policies: unknown[] }).policies.length;
  }
  if (n === 0) throw new Error("empty corpus");
  return { wall: (performance.now() - t0) / 1000, cpu: cpuSeconds() - c0 };
}

async function seed(db: Db): Promise<void> {
  await db.domain.createMany({
    data: Array.from({ length: DOMAINS }, (_, i) => ({
      name: `customer${i}.example`,
      displayName: `customer${i}.example`,
    })),
  });
}

/** Waits until the process has been (nearly) idle for 100 ms: background work left over
 * from setting up (see the top of this file) is not ingestion's cost. */
async function quiet(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const c0 = cpuSeconds();
    await new Promise((r) => setTimeout(r, 100));
    if (cpuSeconds() - c0 < 0.005) return;
  }
}

/** A fresh migrated SQLite file with the corpus's domains. */
async function freshSqlite(dir: string, name: string): Promise<Db> {
  const url = path.join(dir, name);
  await applyMigrations({ provider: "sqlite", url });
  const db = createDb({ provider: "sqlite", url });
  await seed(db);
  return db;
}

/** Ingests `items` through the bulk path (SQLite) or with `concurrency` single-input
 * requests in flight (PostgreSQL, as concurrent POSTs to the endpoint would be). */
async function ingestTimed(db: Db, concurrency: number | "bulk", items: Buffer[]): Promise<Timing> {
  const meta = (i: number) => ({ channel: "cli" as const, source: `bench-${i}.json.gz` });
  const check = (out: IngestOutcome, i: number) => {
    if (out.status !== "stored") throw new Error(`report ${i}: ${out.status} ${out.reason}`);
  };
  let next = 0;
  const t0 = performance.now();
  const c0 = cpuSeconds();
  if (concurrency === "bulk") {
    const bulk = items.map((b, i) => ({ meta: meta(i), load: () => b }));
    (await ingestInOrder(db, bulk)).forEach(check);
  } else {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < items.length) {
          const i = next++;
          check(await ingestBytes(db, items[i] as Buffer, meta(i)), i);
        }
      }),
    );
  }
  return { wall: (performance.now() - t0) / 1000, cpu: cpuSeconds() - c0 };
}

async function expectStored(db: Db, want: number): Promise<void> {
  const rows = await db.report.count();
  if (rows !== want) throw new Error(`stored ${rows} rows, want ${want}`);
}

async function ingestAll(db: Db, concurrency: number | "bulk", items: Buffer[]): Promise<Timing> {
  const t = await ingestTimed(db, concurrency, items);
  await expectStored(db, items.length);
  return t;
}

const add = (a: Timing, b: Timing): Timing => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });

/**
 * The corpus in slices of CHUNK, each timed twice: the floor over the slice, then ingesting
 * it. Interleaving puts both under the same machine conditions: on a shared VM, CPU speed
 * drifts by tens of percent over seconds, which separate runs would read as a ratio change.
 */
const CHUNK = 5000;
async function interleaved(
  db: Db,
  concurrency: number | "bulk",
): Promise<{ floor: Timing; ingest: Timing }> {
  let floor: Timing = { wall: 0, cpu: 0 };
  let ingest: Timing = { wall: 0, cpu: 0 };
  for (let at = 0; at < corpus.length; at += CHUNK) {
    const part = corpus.slice(at, at + CHUNK);
    floor = add(floor, floorTiming(part));
    ingest = add(ingest, await ingestTimed(db, concurrency, part));
  }
  await expectStored(db, corpus.length);
  return { floor, ingest };
}

const rate = (secs: number) => (COUNT / secs).toFixed(0).padStart(6);

function print(label: string, t: Timing, floor: Timing): number {
  const ratio = t.cpu / floor.cpu;
  console.log(
    `${label.padEnd(18)} ${rate(t.wall)} reports/s wall, ${rate(t.cpu)} reports/s CPU; ${ratio.toFixed(2)}× the floor (CPU), ${(t.wall / floor.wall).toFixed(2)}× (wall)`,
  );
  return ratio;
}

floorTiming(); // warm-up
const kb = corpus.reduce((s, b) => s + b.length, 0) / COUNT;
console.log(
  `corpus: ${COUNT} gzip reports, ${kb.toFixed(0)} bytes each on average, ${withFailures} with failure details`,
);

// SQLite: a fresh file, whatever DATABASE_URL says.
const dir = mkdtempSync(path.join(os.tmpdir(), "sts-bench-"));
const scratch = await freshSqlite(dir, "warm-up.db");
// An untimed run like the timed ones (same size, other reports): compiles the path and
// grows the heap to its working size, which the first timed run would otherwise pay for.
await ingestAll(scratch, "bulk", makeCorpus(COUNT, 1));
await closeSqliteStore(scratch);
await scratch.$disconnect();
// RUNS times the whole corpus into a fresh file each time; the verdict is on the medians.
const RUNS = 3;
const runs: { floor: Timing; ingest: Timing; ratio: number }[] = [];
for (let run = 1; run <= RUNS; run++) {
  const sqlite = await freshSqlite(dir, `bench-${run}.db`);
  await quiet();
  const { floor, ingest } = await interleaved(sqlite, "bulk");
  console.log(
    `run ${run}: raw floor ${rate(floor.cpu)} reports/s CPU (gunzipSync + JSON.parse, interleaved with ingestion in slices of ${CHUNK})`,
  );
  runs.push({ floor, ingest, ratio: print(`run ${run}: SQLite bulk`, ingest, floor) });
  await closeSqliteStore(sqlite);
  await sqlite.$disconnect();
}
rmSync(dir, { recursive: true, force: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ratio = median(runs.map((r) => r.ratio));
const wallRate = median(runs.map((r) => COUNT / r.ingest.wall));
const floor: Timing = {
  wall: median(runs.map((r) => r.floor.wall)),
  cpu: median(runs.map((r) => r.floor.cpu)),
};
console.log(
  `SQLite median of ${RUNS}: ${wallRate.toFixed(0)} reports/s wall, ${ratio.toFixed(2)}× the floor (CPU); runs ${runs.map((r) => r.ratio.toFixed(2)).join(", ")}`,
);

const pass = wallRate >= 2000;
console.log(
  `target on SQLite (issue 13): bulk path ≥ 2000 reports/s (wall), median: ${pass ? "PASS" : "FAIL"} (the ratio to the floor is for information)`,
);

if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) {
  const t = await openTestDb();
  try {
    await seed(t.db);
    await quiet();
    print("PostgreSQL", await ingestAll(t.db, 32, corpus), floor);
  } finally {
    await t.close();
  }
} else {
  console.log(
    "PostgreSQL  skipped (DATABASE_URL is not postgres://; run under scripts/pg/with-postgres.sh)",
  );
}
process.exitCode = pass ? 0 : 1;
