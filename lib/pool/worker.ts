// The worker threads' module (lib/pool/pool.ts and lib/pool/check-thread.ts run it): the
// CPU-heavy work a hostile input could stretch, and the configuration checks' probes (TLS
// handshakes, certificate and DNS parsing), kept off the event loop that serves every request. It imports
// only plain domain code, never Next or Prisma: it runs from its TypeScript source under
// tsx and vitest, and as the bundle scripts/build-pool-worker.mjs makes for `next start`.
import type { MessagePort } from "node:worker_threads";
import bcrypt from "bcryptjs";
import { runCheck } from "../checker/run-check";
import type { CheckEvent, CheckOptions } from "../checker/types";
import type { Result } from "../core/diagnostic";
import { readAny } from "../tlsrpt/read-any";
import type { ReadHints, ReadOutcome, ReportError } from "../tlsrpt/types";

export interface ReadInput {
  bytes: Uint8Array;
  hints: ReadHints;
}

export interface ReadTask {
  inputs: ReadInput[];
  /** Set to n as this worker starts the n-th input (from 1): each input's deadline counts from then. */
  started: Int32Array;
}

export async function read(task: ReadTask): Promise<Result<ReadOutcome, ReportError>[]> {
  const outcomes: Result<ReadOutcome, ReportError>[] = [];
  for (const [i, input] of task.inputs.entries()) {
    step(task.started, i);
    outcomes.push(await readAny(input.bytes, input.hints));
  }
  return outcomes;
}

export function hash(task: { password: string; cost: number }): Promise<string> {
  return bcrypt.hash(task.password, task.cost);
}

export function compare(task: { password: string; hash: string }): Promise<boolean> {
  return bcrypt.compare(task.password, task.hash);
}

/** What a check in the check thread takes: data only (no DNS client, clock or signal). */
export type ThreadCheckOptions = Omit<CheckOptions, "dns" | "now" | "signal">;

/** One message of a check on its port: an event, then exactly one end. */
export type CheckMessage =
  { kind: "event"; event: CheckEvent } | { kind: "end" } | { kind: "error"; message: string };

export interface CheckTask {
  domain: string;
  options: ThreadCheckOptions;
  port: MessagePort;
}

/**
 * A full configuration check in the check thread (lib/pool/check-thread.ts): its events go
 * back over the task's port as they happen, so a check page shows progress as before.
 */
export async function check(task: CheckTask): Promise<void> {
  const post = (m: CheckMessage) => task.port.postMessage(m);
  try {
    for await (const event of runCheck(task.domain, task.options)) post({ kind: "event", event });
    post({ kind: "end" });
  } catch (e) {
    post({ kind: "error", message: e instanceof Error ? e.message : String(e) });
  }
}

/** Test hook (lib/pool/pool.test.ts): holds the thread for each of `ms` in turn, as a runaway reader would. */
export function spin(task: { ms: number[]; started: Int32Array }): number[] {
  return task.ms.map((ms, i) => {
    step(task.started, i);
    const end = Date.now() + ms;
    let n = 0;
    while (Date.now() < end) n++;
    return n;
  });
}

/** Tells the pool this worker starts step i (0-based) of its task. */
function step(started: Int32Array, i: number): void {
  Atomics.store(started, 0, i + 1);
  Atomics.notify(started, 0);
}
