// readReport as a pool task (fuzz-worker.mjs): marks the start for the pool's deadline.
import type { Result } from "../core/diagnostic";
import { readReport } from "./read-report";
import type { ReadHints, ReadOutcome, ReportError } from "./types";

export function read(task: {
  bytes: Uint8Array;
  hints: ReadHints;
  started: Int32Array;
}): Result<ReadOutcome, ReportError> {
  Atomics.store(task.started, 0, 1);
  Atomics.notify(task.started, 0);
  return readReport(task.bytes, task.hints);
}
