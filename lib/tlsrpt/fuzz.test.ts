// Property tests: random mutations of valid reports never throw, and every outcome is a
// Result value (spec §13 RPT-ING-1..3; issue 3 "every outcome is a value").
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Result } from "../core/diagnostic";
import { computeContentHash } from "./content-hash";
import { readAny } from "./read-any";
import { readReport } from "./read-report";
import { bytesOf, googleReport, type Json } from "./test-fixtures";
import type { ReadOutcome, ReportError } from "./types";

const CODES = new Set([
  "too-large",
  "decompression-bomb",
  "not-gzip",
  "unsupported-format",
  "bad-encoding",
  "bad-json",
  "not-a-report",
  "invalid-field",
  "no-report",
  "bad-email",
]);

/** The outcome is a well-formed Result, and an accepted report keeps the model's promises. */
function checkOutcome(r: Result<ReadOutcome, ReportError>): void {
  if (!r.ok) {
    expect(CODES.has(r.error.code)).toBe(true);
    expect(r.error.message.length).toBeGreaterThan(0);
    return;
  }
  for (const rep of r.value.reports) {
    expect(rep.reportDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(computeContentHash(rep)).toMatch(/^[0-9a-f]{64}$/);
    expect(rep.endDatetime.getTime()).toBeGreaterThanOrEqual(rep.startDatetime.getTime());
    for (const p of rep.policies) {
      expect(Number.isSafeInteger(p.totalSuccessfulSessionCount)).toBe(true);
      expect(Number.isSafeInteger(p.totalFailureSessionCount)).toBe(true);
      for (const d of p.failureDetails)
        expect(Number.isSafeInteger(d.failedSessionCount)).toBe(true);
    }
  }
}

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

/** Every path (list of keys/indices) to a node of a JSON value. */
function paths(v: Json, here: (string | number)[] = []): (string | number)[][] {
  const out = [here];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...here, i])));
  else if (v !== null && typeof v === "object")
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...here, k]));
  return out;
}
const ALL_PATHS = paths(googleReport()).filter((p) => p.length > 0);

function edit(root: Json, path: (string | number)[], replacement: Json | undefined): void {
  let node = root as { [k: string]: Json };
  for (const k of path.slice(0, -1)) node = node[k as string] as { [k: string]: Json };
  const last = path[path.length - 1] as string;
  if (replacement === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = replacement ?? null;
}

describe("reader fuzzing (fast-check)", () => {
  it("byte flips and truncations of JSON never throw (8,000 runs)", () => {
    fc.assert(
      fc.property(byteEdits(BASE.length), (e) => checkOutcome(readReport(mutateBytes(BASE, e)))),
      { numRuns: 8000 },
    );
  });

  it("byte flips and truncations of gzip never throw (6,000 runs)", () => {
    fc.assert(
      fc.property(byteEdits(BASE_GZ.length), (e) =>
        checkOutcome(readReport(mutateBytes(BASE_GZ, e))),
      ),
      { numRuns: 6000 },
    );
  });

  it("field deletions and type swaps, raw or gzip-wrapped, never throw (8,000 runs)", () => {
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
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        (ops, gzip, bom) => {
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
          checkOutcome(readReport(gzip ? gzipSync(bytes) : bytes));
        },
      ),
      { numRuns: 8000 },
    );
  });

  it("arbitrary JSON values never throw (2,000 runs)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => checkOutcome(readReport(bytesOf(v)))),
      { numRuns: 2000 },
    );
  });

  it("mutated email messages never throw through readAny (1,000 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(byteEdits(EMAIL.length), async (e) =>
        checkOutcome(await readAny(mutateBytes(EMAIL, e))),
      ),
      { numRuns: 1000 },
    );
  });

  it("regression: a NUL byte in a MIME header left contentType without a string value", async () => {
    checkOutcome(await readAny(mutateBytes(EMAIL, { flips: [[112, 0]], cut: 160 })));
  });
});
