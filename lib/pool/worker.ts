// The worker threads' module (lib/pool/pool.ts runs it): the CPU-heavy work a hostile
// input could stretch, kept off the event loop that serves every request. It imports
// only plain domain code, never Next or Prisma: it runs from its TypeScript source under
// tsx and vitest, and as the bundle scripts/build-pool-worker.mjs makes for `next start`.
import bcrypt from "bcryptjs";
import type { Result } from "../core/diagnostic";
import { readAny } from "../tlsrpt/read-any";
import type { ReadHints, ReadOutcome, ReportError } from "../tlsrpt/types";

export interface ReadTask {
  bytes: Uint8Array;
  hints: ReadHints;
  /** Set to 1 when this worker starts the task: the pool's deadline counts from then. */
  started: Int32Array;
}

export function read(task: ReadTask): Promise<Result<ReadOutcome, ReportError>> {
  Atomics.store(task.started, 0, 1);
  Atomics.notify(task.started, 0);
  return readAny(task.bytes, task.hints);
}

export function hash(task: { password: string; cost: number }): Promise<string> {
  return bcrypt.hash(task.password, task.cost);
}

export function compare(task: { password: string; hash: string }): Promise<boolean> {
  return bcrypt.compare(task.password, task.hash);
}

/** Test hook (lib/pool/pool.test.ts): holds the thread for `ms`, as a runaway reader would. */
export function spin(task: { ms: number; started: Int32Array }): number {
  Atomics.store(task.started, 0, 1);
  Atomics.notify(task.started, 0);
  const end = Date.now() + task.ms;
  let n = 0;
  while (Date.now() < end) n++;
  return n;
}
