// The worker module from its TypeScript source (vitest, the tsx scripts, `next dev`):
// registers tsx in this thread, then hands piscina lib/pool/worker.ts's functions (piscina
// awaits an export that is a promise). Name every task worker.ts exports here.
import { register } from "tsx/esm/api";

register();
const worker = import("./worker.ts");

export const read = worker.then((m) => m.read);
export const hash = worker.then((m) => m.hash);
export const compare = worker.then((m) => m.compare);
export const spin = worker.then((m) => m.spin);
export const check = worker.then((m) => m.check);
