// Shared checks for the property tests (fuzz*.test.ts): every outcome is a Result value
// (issue 3) and every read finishes within a generous time bound (issue 11).
//
// Each read runs in a pool worker (lib/pool) with the bound as its deadline: a read that
// never ends (issue 11's endless loop) is cut off and fails the property with fast-check's
// counterexample, instead of hanging the test run. The workers run at normal priority and
// the deadline counts from when a worker starts the input, so a loaded machine only eats
// into the headroom (reads here take milliseconds).
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, expect } from "vitest";
import type { Result } from "../core/diagnostic";
import { WorkerPool, type PoolRead } from "../pool/pool";
import { workerEntry } from "../pool/worker-file";
import { computeContentHash } from "./content-hash";
import type { ReadHints, ReadOutcome, ReportError } from "./types";

export const CODES = new Set([
  "too-large",
  "decompression-bomb",
  "not-gzip",
  "unsupported-format",
  "bad-encoding",
  "bad-json",
  "not-a-report",
  "invalid-field",
  "no-report",
  "bad-email",
]);

/** Issue 11: every property fails on an input that takes longer than this to read. */
export const TIME_BOUND_MS = 2000;

/** Every property's runs stop here (a budget far past their normal ~1-15 s). */
export const PROPERTY_BUDGET_MS = 60_000;
/** Vitest timeout for a property test: the budget, the shrink it cuts short, and a margin. */
export const PROPERTY_TEST_TIMEOUT_MS = 120_000;

/**
 * fast-check parameters for every property: `numRuns`, and a stop after PROPERTY_BUDGET_MS.
 * A read that never ends costs TIME_BOUND_MS (and a fresh worker) on every shrink step;
 * the stop reports the counterexample shrunk so far before the test times out. A run
 * stopped before any failure passes with the runs made (failOnInterrupt off): a very
 * slow machine checks fewer inputs rather than failing.
 */
export const runs = (numRuns: number) => ({
  numRuns,
  plugins: [fc.interruptAfterTimeLimit(PROPERTY_BUDGET_MS)],
});

const FUZZ_WORKER = fileURLToPath(new URL("./fuzz-worker.mjs", import.meta.url));
const pools = new Map<string, WorkerPool>();
afterAll(() => Promise.all([...pools.values()].map((p) => p.close())));

/** One single-thread pool per worker module, closed when the test file ends. */
function poolFor(filename: string): WorkerPool {
  let pool = pools.get(filename);
  if (!pool) {
    pool = new WorkerPool({
      threads: 1,
      readTimeoutMs: TIME_BOUND_MS,
      niceIncrement: 0,
      entry: { filename, execArgv: [] },
    });
    pools.set(filename, pool);
  }
  return pool;
}

/** The reader's own outcome; a read past the bound or a throw fails the property. */
function outcomeOf(r: PoolRead): Result<ReadOutcome, ReportError> {
  if (!r.ok && (r.error.code === "too-slow" || r.error.code === "reader-failed")) {
    throw new Error(`issue 11: ${r.error.message}`);
  }
  return r as Result<ReadOutcome, ReportError>;
}

/** readReport in a worker, failing the property when one call takes longer than TIME_BOUND_MS. */
export async function readTimed(
  bytes: Uint8Array,
  hints: ReadHints = {},
): Promise<Result<ReadOutcome, ReportError>> {
  return outcomeOf(await poolFor(FUZZ_WORKER).read(bytes, hints));
}

/** readAny (lib/pool/worker.ts) in a worker, under the same bound. */
export async function readAnyTimed(
  bytes: Uint8Array,
  hints: ReadHints = {},
): Promise<Result<ReadOutcome, ReportError>> {
  return outcomeOf(await poolFor(workerEntry().filename).read(bytes, hints));
}

/** The outcome is a well-formed Result, and an accepted report keeps the model's promises. */
export function checkOutcome(r: Result<ReadOutcome, ReportError>): void {
  if (!r.ok) {
    expect(CODES.has(r.error.code)).toBe(true);
    expect(r.error.message.length).toBeGreaterThan(0);
    return;
  }
  for (const rep of r.value.reports) {
    expect(rep.reportDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(computeContentHash(rep)).toMatch(/^[0-9a-f]{64}$/);
    expect(rep.endDatetime.getTime()).toBeGreaterThanOrEqual(rep.startDatetime.getTime());
    for (const p of rep.policies) {
      expect(Number.isSafeInteger(p.totalSuccessfulSessionCount)).toBe(true);
      expect(Number.isSafeInteger(p.totalFailureSessionCount)).toBe(true);
      for (const d of p.failureDetails)
        expect(Number.isSafeInteger(d.failedSessionCount)).toBe(true);
    }
  }
}
