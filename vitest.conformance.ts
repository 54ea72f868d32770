// The real-sample conformance suite (`*.conformance.test.ts`): it runs over the corpus in
// ../shared/samples beside the checkout (or STS_SAMPLES_DIR) when that folder is there,
// and is left out of the run when it is not, so a bare clone registers none of its tests.
// As Vitest's global setup it prints the one line saying which.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SHOWN = process.env.STS_SAMPLES_DIR || "../shared/samples";

export const CONFORMANCE_TESTS = "**/*.conformance.test.ts";

/** The corpus folder (holding tlsrpt/ and policies/), absolute. */
export const samplesDir = (): string => path.resolve(ROOT, SHOWN);

const count = (dir: string): number =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f !== "README.md").length : 0;

export function corpus(): { found: boolean; files: number } {
  const dir = samplesDir();
  const files = count(path.join(dir, "tlsrpt")) + count(path.join(dir, "policies"));
  return { found: files > 0, files };
}

export default function printConformanceLine(): void {
  const c = corpus();
  console.log(
    c.found
      ? `conformance: ${c.files} real samples from ${SHOWN}`
      : `conformance: ${SHOWN} not found, skipped`,
  );
}
