// Which test files run one at a time, after the rest (vitest.config.ts, vitest.pg.config.ts).
// Most files run on two workers side by side: each has its own database and ports. These
// don't: they start the lab world (its IPv6 addresses on `lo` are shared) or Dovecot, or
// they assert time budgets (deadlines, a ticking event loop, throttling) that a busy
// neighbour on the second core would break.
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Files that start the lab world or Dovecot, found by what they import. */
const USES_LAB = /e2e\/servers|e2e\/dovecot|mail-world\.test-utils/;

/** Files that assert time budgets. */
const TIMED = [
  "lib/pool/pool.test.ts",
  "lib/auth/sign-in.test.ts",
  "lib/db/reports/ingest-deadline.test.ts",
  "lib/db/limits/public-endpoints.test.ts",
  "lib/db/sqlite-busy.test.ts",
  "lib/db/jobs/two-apps.pg.test.ts",
];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : testFiles(p);
    return e.name.endsWith(".test.ts") ? [p] : [];
  });
}

/** The serial files under `roots`, as paths relative to the repository. */
export function serialTests(roots: readonly string[]): string[] {
  const lab = roots
    .flatMap((r) => testFiles(r))
    .filter((f) => USES_LAB.test(readFileSync(f, "utf8")));
  const timed = TIMED.filter((f) => roots.some((r) => f.startsWith(`${r}/`)));
  return [...new Set([...lab, ...timed])].sort();
}

/** Workers for the parallel part: Vitest's default (cores - 1) is one on two cores. */
export const PARALLEL_WORKERS = Math.max(2, os.availableParallelism() - 1);
