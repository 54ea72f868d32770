// readReport as a pool task (fuzz-worker.mjs), speaking the pool's read protocol
// (lib/pool/worker.ts): several inputs per task, each marked as it starts so the pool's
// deadline counts from there.
import type { Result } from "../core/diagnostic";
import { readReport } from "./read-report";
import type { ReadHints, ReadOutcome, ReportError } from "./types";

export function read(task: {
  inputs: { bytes: Uint8Array; hints: ReadHints }[];
  started: Int32Array;
}): Result<ReadOutcome, ReportError>[] {
  return task.inputs.map((input, i) => {
    Atomics.store(task.started, 0, i + 1);
    Atomics.notify(task.started, 0);
    return readReport(input.bytes, input.hints);
  });
}
