/// <reference lib="es2024.sharedmemory" />
// A pool of worker threads (piscina) for the work an outsider's input could stretch:
// reading reports (gunzip, JSON, normalising, e-mail parsing) and bcrypt. The event loop
// that serves every request, hosted policy and the IMAP poller only waits for answers.
//
// Each read has a deadline. Node 20 gives a thread no CPU clock of its own, so the limit is
// wall-clock time counted from the moment a worker starts the input (not from when it was
// queued); a worker past it is terminated (piscina ends a running task's thread on abort,
// and starts a fresh one) and the input is refused with a reason a person can act on.
// Many inputs (bulk.ts) go in batches, one task each (readMany): the hop to a worker and back
// costs about as much CPU as reading a small report. Each input keeps its own deadline.
// Password work goes to the front of the queue (inTurn): a burst of reports (anyone may send
// them) never keeps a person waiting at sign-in for more than the reads already running.
import { Piscina } from "piscina";
import type { Result } from "../core/diagnostic";
import type { NestedMessageRef } from "../i18n/message-ref";
import { refusalText, type RefusalText } from "../tlsrpt/refusal-text";
import type { ReadHints, ReadOutcome, ReportError } from "../tlsrpt/types";
import { workerEntry, type WorkerEntry } from "./worker-file";
import type { ReadInput as PoolInput } from "./worker";

export type { PoolInput };

/** Refusals the pool itself makes; the ingester records them like the reader's, with the
 * same kind of ref (namespace tlsrptReader, issue 16 §6). */
export interface PoolError {
  code: "too-slow" | "reader-failed";
  message: string;
  ref: NestedMessageRef;
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
export const WORKER_NICE = 10;

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

  /** Tasks handed to piscina and not yet settled: at most one per thread. */
  private running = 0;
  /** Tasks waiting for a thread, password work first (piscina's own queue is FIFO). */
  private readonly waiting: { first: (() => void)[]; rest: (() => void)[] } = {
    first: [],
    rest: [],
  };

  /**
   * Runs `task` once a thread is free. Waiting tasks are started password work first, so a
   * burst of reads never keeps a person at sign-in waiting for more than the reads running.
   */
  private async inTurn<T>(lane: "first" | "rest", task: () => Promise<T>): Promise<T> {
    if (this.running < this.options.threads) this.running++;
    else await new Promise<void>((start) => this.waiting[lane].push(start));
    try {
      return await task();
    } finally {
      // The thread goes to the next waiting task, if any, else it is free.
      const next = this.waiting.first.shift() ?? this.waiting.rest.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** readAny in a worker; past the deadline the input is refused ("too-slow"). */
  async read(bytes: Uint8Array, hints: ReadHints = {}): Promise<PoolRead> {
    const [outcome] = await this.readMany([{ bytes, hints }]);
    if (!outcome) throw new Error("readMany returned no outcome");
    return outcome;
  }

  /**
   * Several inputs in one task (one thread hop for all: bulk.ts), each outcome exactly what
   * read() would give it alone. Each input has its own deadline, counted from when the worker
   * starts it; an input past it is refused alone, and the others are read again without it
   * (their outcomes were lost with the ended worker). A batch whose worker failed otherwise
   * is read again one input at a time, so only the input that fails alone is refused.
   */
  async readMany(inputs: PoolInput[]): Promise<PoolRead[]> {
    if (inputs.length === 0) return [];
    const ms = this.options.readTimeoutMs;
    const outcome = await this.runTimed<PoolRead[]>("read", ms, (started) => ({
      inputs,
      started,
    }));
    if (typeof outcome === "number") {
      const [before, after] = await Promise.all([
        this.readMany(inputs.slice(0, outcome)),
        this.readMany(inputs.slice(outcome + 1)),
      ]);
      const slow = fail("too-slow", refusalText("tooSlow", { time: seconds(ms) }));
      return [...before, slow, ...after];
    }
    if (outcome instanceof Error) {
      if (inputs.length > 1) return Promise.all(inputs.map((i) => this.read(i.bytes, i.hints)));
      return [fail("reader-failed", refusalText("readerFailed", { detail: outcome.message }))];
    }
    return outcome;
  }

  hash(password: string, cost: number): Promise<string> {
    return this.inTurn(
      "first",
      () => this.piscina.run({ password, cost }, { name: "hash" }) as Promise<string>,
    );
  }

  compare(password: string, hash: string): Promise<boolean> {
    return this.inTurn(
      "first",
      () => this.piscina.run({ password, hash }, { name: "compare" }) as Promise<boolean>,
    );
  }

  /** Test hook: holds a worker for each of `ms` in turn, each under a deadline of `deadlineMs`. */
  spin(ms: number[], deadlineMs: number): Promise<number[] | number | Error> {
    return this.runTimed<number[]>("spin", deadlineMs, (started) => ({ ms, started }));
  }

  get threads(): number {
    return this.piscina.threads.length;
  }

  close(): Promise<void> {
    return this.piscina.destroy();
  }

  /**
   * Runs a task of several steps whose worker sets `started[0]` to n as it begins step n
   * (from 1); each step may run `ms` from when it began. Past that the task is aborted
   * (ending the worker) and the result is the index of the step that overran. Queue time
   * never counts.
   */
  private async runTimed<T>(
    name: string,
    ms: number,
    task: (started: Int32Array) => object,
  ): Promise<T | number | Error> {
    const started = new Int32Array(new SharedArrayBuffer(4));
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    let seen = 0;
    let overran = -1;
    // Each change of started[0] re-arms the deadline for the step just begun. The timer
    // checks the step is still the one it was armed for: when the worker has moved on, the
    // pending wait below re-arms it.
    const watch = (): void => {
      if (settled) return;
      const now = Atomics.load(started, 0);
      if (now !== seen) {
        seen = now;
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (settled || Atomics.load(started, 0) !== now) return;
          overran = now - 1;
          abort.abort();
        }, ms);
      }
      const wait = Atomics.waitAsync(started, 0, seen);
      if (wait.async) void wait.value.then(watch);
      else watch();
    };
    try {
      return (await this.inTurn("rest", () => {
        // The deadline is armed when the worker starts the task, so waiting never counts.
        watch();
        return this.piscina.run(task(started), { name, signal: abort.signal });
      })) as T;
    } catch (e) {
      if (overran >= 0) return overran;
      return e instanceof Error ? e : new Error(String(e));
    } finally {
      settled = true;
      clearTimeout(timer);
      // Releases the waiter (it sees `settled` and stops).
      Atomics.notify(started, 0);
    }
  }
}
const fail = (code: PoolError["code"], { text, ref }: RefusalText): PoolRead => ({
  ok: false,
  error: { code, message: text, ref },
});
