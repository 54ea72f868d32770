// The property tests' worker module (fuzz-checks.ts): readReport in a pool worker, so that a
// read that never ends is cut off at the pool's deadline instead of hanging the test run.
// Same task shape as lib/pool/worker.ts's `read`.
import { register } from "tsx/esm/api";

register();
const worker = import("./fuzz-worker-task.ts");

export const read = worker.then((m) => m.read);
