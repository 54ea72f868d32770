// The process's one worker pool, sized and timed by the settings (lib/config/settings.ts).
// Kept on globalThis so a dev-server reload does not start a second set of threads.
import { settings } from "../config/settings";
import { WorkerPool } from "./pool";

const KEY = Symbol.for("sts-rollout.worker-pool");
type Holder = { [KEY]?: WorkerPool };

export function workerPool(): WorkerPool {
  const holder = globalThis as Holder;
  const s = settings();
  holder[KEY] ??= new WorkerPool({
    threads: s.STS_WORKER_THREADS,
    readTimeoutMs: s.STS_READ_TIMEOUT_MS,
  });
  return holder[KEY];
}
