// Inputs for the pool's tests (lib/pool, lib/db/reports/ingest-deadline.test.ts).
import { gzipSync } from "node:zlib";
import { googleReport, type Json } from "../tlsrpt/inline-reports.test-utils";

/**
 * A valid report carrying an unknown field of a million small objects: far over 50 ms to
 * parse on any machine, while the outcome that crosses back stays small (moving a large
 * outcome costs the event loop its own time, which is not what these tests measure).
 */
export function slowReport(): Buffer {
  const r = googleReport();
  const policy = (r.policies as { [k: string]: { [k: string]: Json } }[])[0];
  if (policy?.policy) policy.policy["x-padding"] = Array.from({ length: 1e6 }, (_, a) => ({ a }));
  return gzipSync(Buffer.from(JSON.stringify(r)));
}
