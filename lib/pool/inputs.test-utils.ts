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

/**
 * A valid report whose unknown field is one object of a million distinct keys (12 MB of
 * JSON): seconds to read (the duplicate-key scan), where slowReport can take under 200 ms on
 * an idle machine. For deadlines of hundreds of ms; past the deadline the worker is ended, so
 * a test pays only the deadline. Written as text and made once per process (building the
 * object and stringifying it took seconds on a loaded machine).
 */
export function secondsSlowReport(): Buffer {
  if (!secondsSlow) {
    const r = googleReport();
    const policy = (r.policies as { [k: string]: { [k: string]: Json } }[])[0];
    if (policy?.policy) policy.policy["x-padding"] = "PADDING";
    const keys = Array.from({ length: 1e6 }, (_, i) => `"k${i}":0`).join(",");
    const text = JSON.stringify(r).replace('"PADDING"', `{${keys}}`);
    secondsSlow = gzipSync(Buffer.from(text), { level: 1 });
  }
  return secondsSlow;
}
let secondsSlow: Buffer | undefined;
