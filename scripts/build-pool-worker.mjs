// Bundles the worker pool's module (lib/pool/worker.ts) into build/pool-worker.mjs for
// `next start`: a plain ES module outside the Next bundle, loaded by path at run time
// (lib/pool/worker-file.ts). Packages stay imports, resolved from node_modules.
// next.config.ts calls this on every `next build`; `npm run build:worker` runs it alone.
import { build } from "esbuild";
import { renameSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildPoolWorker() {
  const out = path.join(root, "build/pool-worker.mjs");
  // Written beside and renamed: a server starting meanwhile never sees half a file.
  const tmp = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [path.join(root, "lib/pool/worker.ts")],
    outfile: tmp,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  renameSync(tmp, out);
  return out;
}

// No top-level await: next.config.ts loads this file with require().
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  buildPoolWorker().then((out) => console.log(`wrote ${path.relative(root, out)}`));
}
