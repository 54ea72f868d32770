/** Bundles lib/pool/worker.ts into build/pool-worker.mjs; resolves to the file's path. */
export function buildPoolWorker(): Promise<string>;
