// Issue 14 (bench:watch): configuration checks run in a thread of their own. A check is
// mostly waiting on the network, but what it does between waits (TLS handshakes, reading
// certificates, DNS answers, judging the results) is CPU on whichever thread runs it: on
// the event loop, the daily re-check of 500 domains kept page requests waiting. The check
// thread runs many checks at once (they are I/O-bound), at the workers' lower priority, and
// sends each check's events back as they happen; storing them stays on the event loop,
// where the database is (lib/check-runs/run-domain-check.ts).
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { CheckEvent } from "../checker/types";
import { WORKER_NICE } from "./pool";
import type { CheckMessage, CheckTask, ThreadCheckOptions } from "./worker";
import { workerEntry } from "./worker-file";

export type { ThreadCheckOptions };

/** Checks one thread runs at once; more wait for a turn (the scheduler runs 8 by default). */
const CHECKS_AT_ONCE = 64;

const KEY = Symbol.for("sts-rollout.check-thread");
type Holder = { [KEY]?: Piscina<CheckTask, void> };

/** The process's check thread, started on first use; kept on globalThis like the pool. */
function checkThread(): Piscina<CheckTask, void> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const entry = workerEntry();
    holder[KEY] = new Piscina<CheckTask, void>({
      filename: entry.filename,
      execArgv: entry.execArgv,
      name: "check",
      minThreads: 1,
      maxThreads: 1,
      concurrentTasksPerWorker: CHECKS_AT_ONCE,
      idleTimeout: Number.MAX_SAFE_INTEGER,
      // Plain messages: Atomics.wait would stop the thread's event loop between tasks, and
      // these tasks live on it.
      atomics: "disabled",
      niceIncrement: WORKER_NICE,
    });
  }
  return holder[KEY];
}

/** runCheck's events, from the check thread. Throws what the check threw (as its message). */
export async function* runCheckInThread(
  domain: string,
  options: ThreadCheckOptions,
): AsyncGenerator<CheckEvent> {
  const { port1, port2 } = new MessageChannel();
  const queue: CheckMessage[] = [];
  let wake: (() => void) | null = null;
  port1.on("message", (m: CheckMessage) => {
    queue.push(m);
    wake?.();
  });
  // The task's own outcome only matters when the thread failed (the port then never ends).
  checkThread()
    .run({ domain, options, port: port2 }, { transferList: [port2] })
    .catch((e: unknown) => {
      queue.push({ kind: "error", message: e instanceof Error ? e.message : String(e) });
      wake?.();
    });
  try {
    for (;;) {
      const m = queue.shift();
      if (!m) {
        await new Promise<void>((r) => (wake = r));
        wake = null;
        continue;
      }
      if (m.kind === "event") yield m.event;
      else if (m.kind === "end") return;
      else throw new Error(m.message);
    }
  } finally {
    port1.close();
  }
}
