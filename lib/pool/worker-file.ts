// Where the pool's worker module is. `next start` runs the bundle that
// scripts/build-pool-worker.mjs writes whenever `next build` runs (outside the Next bundle,
// so Turbopack never has to understand a worker entry); everything else (vitest, the tsx
// scripts, `next dev`) runs the TypeScript source through tsx (worker-source.mjs), so it is
// never stale.
// Both are found from the working directory, which is the app's root for every entry point.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const WORKER_BUNDLE = "build/pool-worker.mjs";
export const WORKER_SOURCE = "lib/pool/worker-source.mjs";

export interface WorkerEntry {
  filename: string;
  execArgv: string[];
}

export function workerEntry(
  root: string = process.cwd(),
  production: boolean = process.env.NODE_ENV === "production",
): WorkerEntry {
  const bundle = path.join(/*turbopackIgnore: true*/ root, WORKER_BUNDLE);
  if (production && existsSync(bundle)) return { filename: bundle, execArgv: [] };
  try {
    createRequire(path.join(root, "package.json")).resolve("tsx");
  } catch {
    throw new Error(`${bundle} is missing: run \`npm run build\` in ${root}`);
  }
  return { filename: path.join(/*turbopackIgnore: true*/ root, WORKER_SOURCE), execArgv: [] };
}
