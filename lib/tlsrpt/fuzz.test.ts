// Property tests: random mutations of valid reports never throw, and every outcome is a
// Result value (spec §13 RPT-ING-1..3; issue 3 "every outcome is a value").
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, it } from "vitest";
import {
  checkOutcome,
  PROPERTY_TEST_TIMEOUT_MS,
  readAnyTimed,
  readTimed,
  runs,
} from "./fuzz-checks";
import { bytesOf, googleReport, jsonPaths, type Json } from "./inline-reports.test-utils";

const BASE = bytesOf(googleReport());
const BASE_GZ = gzipSync(BASE);
const EMAIL = Buffer.from(
  [
    "From: a@example.net",
    "TLS-Report-Domain: example.com",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type="tlsrpt"; boundary="b"',
    "",
    "--b",
    "Content-Type: application/tlsrpt+gzip",
    "Content-Transfer-Encoding: base64",
    "",
    BASE_GZ.toString("base64"),
    "--b--",
    "",
  ].join("\r\n"),
);

const byteEdits = (len: number) =>
  fc.record({
    flips: fc.array(fc.tuple(fc.nat(len - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    cut: fc.option(fc.nat(len), { nil: undefined }),
  });

function mutateBytes(base: Buffer, e: { flips: [number, number][]; cut?: number }): Buffer {
  const b = Buffer.from(base);
  for (const [i, v] of e.flips) b[i] = v;
  return e.cut === undefined ? b : b.subarray(0, e.cut);
}

const ALL_PATHS = jsonPaths(googleReport()).filter((p) => p.length > 0);

function edit(root: Json, path: (string | number)[], replacement: Json | undefined): void {
  let node = root as { [k: string]: Json };
  for (const k of path.slice(0, -1)) node = node[k as string] as { [k: string]: Json };
  const last = path[path.length - 1] as string;
  if (replacement === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = replacement ?? null;
}

describe("reader fuzzing (fast-check)", { timeout: PROPERTY_TEST_TIMEOUT_MS }, () => {
  it("byte flips and truncations of JSON never throw (8,000 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(byteEdits(BASE.length), async (e) =>
        checkOutcome(await readTimed(mutateBytes(BASE, e))),
      ),
      runs(8000),
    );
  });

  it("byte flips and truncations of gzip never throw (6,000 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(byteEdits(BASE_GZ.length), async (e) =>
        checkOutcome(await readTimed(mutateBytes(BASE_GZ, e))),
      ),
      runs(6000),
    );
  });

  it("field deletions and type swaps, raw or gzip-wrapped, never throw (8,000 runs)", async () => {
    const replacement = fc.oneof(
      fc.constant(undefined),
      fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
      fc.constantFrom<Json>(
        -1,
        1.5,
        9007199254740993,
        "12",
        "",
        [],
        {},
        "2024-02-30T00:00:00Z",
        "::1",
        "x",
      ),
    );
    const op = fc.tuple(fc.constantFrom(...ALL_PATHS), replacement);
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        async (ops, gzip, bom) => {
          const v = googleReport() as Json;
          for (const [p, r] of ops) {
            try {
              edit(v, p, r === undefined ? undefined : structuredClone(r));
            } catch {
              // An earlier edit removed this path's parent: nothing to edit.
            }
          }
          let bytes = bytesOf(v);
          if (bom) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
          checkOutcome(await readTimed(gzip ? gzipSync(bytes) : bytes));
        },
      ),
      runs(8000),
    );
  });

  it("arbitrary JSON values never throw (2,000 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) => checkOutcome(await readTimed(bytesOf(v)))),
      runs(2000),
    );
  });

  it("mutated email messages never throw through readAny (1,000 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(byteEdits(EMAIL.length), async (e) =>
        checkOutcome(await readAnyTimed(mutateBytes(EMAIL, e))),
      ),
      runs(1000),
    );
  });

  it("regression: a NUL byte in a MIME header left contentType without a string value", async () => {
    checkOutcome(await readAnyTimed(mutateBytes(EMAIL, { flips: [[112, 0]], cut: 160 })));
  });
});
