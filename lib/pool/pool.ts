/// <reference lib="es2024.sharedmemory" />
// A pool of worker threads (piscina) for the work an outsider's input could stretch:
// reading reports (gunzip, JSON, normalising, e-mail parsing) and bcrypt. The event loop
// that serves every request, hosted policy and the IMAP poller only waits for answers.
//
// Each read has a deadline. Node 20 gives a thread no CPU clock of its own, so the limit is
// wall-clock time counted from the moment a worker starts the input (not from when it was
// queued); a worker past it is terminated (piscina ends a running task's thread on abort,
// and starts a fresh one) and the input is refused with a reason a person can act on.
import { Piscina } from "piscina";
import type { Result } from "../core/diagnostic";
import type { ReadHints, ReadOutcome, ReportError } from "../tlsrpt/types";
import { workerEntry, type WorkerEntry } from "./worker-file";

/** Refusals the pool itself makes; the ingester records them like the reader's. */
export interface PoolError {
  code: "too-slow" | "reader-failed";
  message: string;
}

export type PoolRead = Result<ReadOutcome, ReportError | PoolError>;

export interface PoolOptions {
  threads: number;
  /** Per-input deadline in ms, counted from when a worker starts the input. */
  readTimeoutMs: number;
  entry?: WorkerEntry;
  /** Workers' nice increment (default WORKER_NICE); the fuzz tests' pool uses 0. */
  niceIncrement?: number;
}

/** Added to the workers' nice value; 10 gives them about a tenth of the main thread's weight. */
const WORKER_NICE = 10;

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

export class WorkerPool {
  private readonly piscina: Piscina<unknown, unknown>;

  constructor(readonly options: PoolOptions) {
    const entry = options.entry ?? workerEntry();
    this.piscina = new Piscina({
      filename: entry.filename,
      execArgv: entry.execArgv,
      minThreads: options.threads,
      maxThreads: options.threads,
      // Idle workers stay ready: starting one costs more than most reads.
      idleTimeout: Number.MAX_SAFE_INTEGER,
      // Workers run at a lower priority than the event loop (Linux nice, through piscina's
      // optional @napi-rs/nice): with a thread per core busy on hostile input, the thread
      // that answers requests still gets a core when it needs one (bench:hostile).
      niceIncrement: options.niceIncrement ?? WORKER_NICE,
    });
  }

  /** readAny in a worker; past the deadline the input is refused ("too-slow"). */
  async read(bytes: Uint8Array, hints: ReadHints = {}): Promise<PoolRead> {
    const ms = this.options.readTimeoutMs;
    const outcome = await this.runTimed<PoolRead>("read", ms, (started) => ({
      bytes,
      hints,
      started,
    }));
    if (outcome === "timeout") {
      return fail("too-slow", `the input took more than ${seconds(ms)} to read and was refused`);
    }
    if (outcome instanceof Error) {
      return fail("reader-failed", `the input could not be read (${outcome.message})`);
    }
    return outcome;
  }

  hash(password: string, cost: number): Promise<string> {
    return this.piscina.run({ password, cost }, { name: "hash" }) as Promise<string>;
  }

  compare(password: string, hash: string): Promise<boolean> {
    return this.piscina.run({ password, hash }, { name: "compare" }) as Promise<boolean>;
  }

  /** Test hook: holds a worker for `ms` under a deadline of `deadlineMs`. */
  spin(ms: number, deadlineMs: number): Promise<number | "timeout" | Error> {
    return this.runTimed<number>("spin", deadlineMs, (started) => ({ ms, started }));
  }

  get threads(): number {
    return this.piscina.threads.length;
  }

  close(): Promise<void> {
    return this.piscina.destroy();
  }

  /**
   * Runs a task whose worker sets `started[0]` as it begins; aborts it (ending the worker)
   * when it runs longer than `ms` after that. Queue time never counts.
   */
  private async runTimed<T>(
    name: string,
    ms: number,
    task: (started: Int32Array) => object,
  ): Promise<T | "timeout" | Error> {
    const started = new Int32Array(new SharedArrayBuffer(4));
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    let timedOut = false;
    const wait = Atomics.waitAsync(started, 0, 0);
    const arm = () => {
      if (settled) return;
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, ms);
    };
    if (wait.async) void wait.value.then(arm);
    else arm();
    try {
      return (await this.piscina.run(task(started), { name, signal: abort.signal })) as T;
    } catch (e) {
      if (timedOut) return "timeout";
      return e instanceof Error ? e : new Error(String(e));
    } finally {
      settled = true;
      clearTimeout(timer);
      // Releases the waiter when the task never started (the pool was closed).
      Atomics.notify(started, 0);
    }
  }
}

const fail = (code: PoolError["code"], message: string): PoolRead => ({
  ok: false,
  error: { code, message },
});
