// Issue 11, deliverable 1: property tests whose generators reach what the first round never
// did: nesting beyond MAX_DEPTH (arrays and objects, mixed), duplicate member names at
// every depth, wrong types at every depth of a real report, many gzip members and e-mails
// with many attachments. Every read must finish within TIME_BOUND_MS (fuzz-checks.ts).
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENTS } from "./budget";
import { computeContentHash } from "./content-hash";
import {
  checkOutcome,
  PROPERTY_TEST_TIMEOUT_MS,
  readAnyTimed,
  readTimed,
  runs,
} from "./fuzz-checks";
import { MAX_DEPTH } from "./json-scan";
import {
  bytesOf,
  emailOf,
  googleReport,
  jsonPaths,
  pathText,
  type Json,
  type JsonPath,
  type Part,
} from "./inline-reports.test-utils";

const TOO_DEEP = `the JSON nests arrays and objects deeper than ${MAX_DEPTH} levels (the limit is ${MAX_DEPTH}); refused`;
const REPORT = googleReport();
const CLEAN = await readTimed(bytesOf(REPORT));
const CLEAN_HASH = CLEAN.ok ? computeContentHash(CLEAN.value.reports[0]!) : "";
const PATHS = jsonPaths(REPORT);
const MEMBER_PATHS = PATHS.filter((p) => typeof p[p.length - 1] === "string");
const HOLE = "@@hole@@";

/** The report's JSON text with `inner` (raw JSON text) at `path` (the root: replaces it). */
function spliced(path: JsonPath, inner: string): string {
  if (path.length === 0) return inner;
  const v = structuredClone(REPORT) as Json;
  let node = v as { [k: string]: Json };
  for (const k of path.slice(0, -1)) node = node[k as string] as { [k: string]: Json };
  node[path[path.length - 1] as string] = HOLE;
  return JSON.stringify(v).replace(JSON.stringify(HOLE), inner);
}

/** One nesting level: an array or an object, optionally with a duplicate name or a sibling. */
const level = fc.record({
  kind: fc.constantFrom("[", "{"),
  duplicate: fc.boolean(),
});
type Level = { kind: string; duplicate: boolean };

function nestText(levels: readonly Level[], scalar: string): string {
  let s = scalar;
  for (let i = levels.length - 1; i >= 0; i--) {
    const { kind, duplicate } = levels[i] as Level;
    if (kind === "[") s = duplicate ? `[0,${s}]` : `[${s}]`;
    else s = duplicate ? `{"k":1,"k":${s}}` : `{"k":${s}}`;
  }
  return s;
}

describe("hostile JSON (issue 11)", { timeout: PROPERTY_TEST_TIMEOUT_MS }, () => {
  it("nesting up to 130 levels anywhere in a report: refused exactly past 64 (600 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATHS),
        // size "max": fast-check 4 otherwise never makes an array longer than ~10 (never past 64).
        fc.array(level, { minLength: 1, maxLength: 130, size: "max" }),
        fc.constantFrom("0", '"s"', "null", "[]", "{}", "-1.5e3"),
        async (path, levels, scalar) => {
          const text = spliced(path, nestText(levels, scalar));
          const r = await readTimed(Buffer.from(text));
          checkOutcome(r);
          // The hole sits inside path.length containers; empty [] / {} add one more level.
          const depth = path.length + levels.length + (scalar === "[]" || scalar === "{}" ? 1 : 0);
          if (depth > MAX_DEPTH) {
            expect(r).toEqual({
              ok: false,
              error: {
                code: "bad-json",
                message: TOO_DEEP,
                ref: { key: "refusals.tooDeep", params: { max: String(MAX_DEPTH) } },
              },
            });
          } else {
            expect(r.ok ? "" : r.error.message).not.toBe(TOO_DEEP);
          }
        },
      ),
      runs(600),
    );
  });

  it("duplicate member names at every depth: last value kept, named, same content (800 runs)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...MEMBER_PATHS), { minLength: 1, maxLength: 6 }),
        fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
        fc.boolean(),
        async (dups, extra, gzip) => {
          const at = new Set(dups.map(pathText));
          const text = withDuplicates(REPORT, at, extra);
          const bytes = Buffer.from(text);
          const r = await readTimed(gzip ? gzipSync(bytes) : bytes);
          checkOutcome(r);
          if (!r.ok)
            throw new Error(`a duplicate name made the report unreadable: ${r.error.message}`);
          const rep = r.value.reports[0]!;
          expect(computeContentHash(rep)).toBe(CLEAN_HASH);
          const warning = rep.warnings.find((w) => w.message.startsWith("duplicate member names"));
          for (const p of at) expect(warning?.message.split(": ")[1]?.split(", ")).toContain(p);
        },
      ),
      runs(800),
    );
  });

  it("wrong types at every depth, hostile shapes included, never throw (1,500 runs)", async () => {
    const hostile = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
      fc.constantFrom<Json>(
        Array(10_000).fill(null),
        Array(2_000).fill({ "result-type": 1 }),
        "x".repeat(100_000),
        1e308,
        -0,
        [[[[[[[[]]]]]]]],
        { policy: { "policy-type": ["sts"] } },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...PATHS.filter((p) => p.length > 0)), hostile), {
          minLength: 1,
          maxLength: 3,
        }),
        async (ops) => {
          for (const [path, value] of ops) {
            checkOutcome(await readTimed(Buffer.from(spliced(path, JSON.stringify(value)))));
          }
        },
      ),
      runs(1500),
    );
  });
});

/** JSON text of v with, before each member whose path is in `at`, the same name bound to `extra`. */
function withDuplicates(
  v: Json,
  at: ReadonlySet<string>,
  extra: Json,
  here: JsonPath = [],
): string {
  if (Array.isArray(v))
    return `[${v.map((x, i) => withDuplicates(x, at, extra, [...here, i])).join(",")}]`;
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  const members = Object.entries(v).map(([k, x]) => {
    const p = [...here, k];
    const m = `${JSON.stringify(k)}:${withDuplicates(x, at, extra, p)}`;
    return at.has(pathText(p)) ? `${JSON.stringify(k)}:${JSON.stringify(extra)},${m}` : m;
  });
  return `{${members.join(",")}}`;
}

describe("many gzip members (issue 11, RPT-ING-1)", { timeout: PROPERTY_TEST_TIMEOUT_MS }, () => {
  const text = bytesOf(REPORT);
  it(
    "a report cut into up to 3,000 members, empty ones among them, reads the same (300 runs)",
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          // Mostly up to ~100 cuts, one run in ten up to 3,000 (fast-check 4 otherwise stays
          // under ~10); every run also adds up to 20,000 empty members.
          fc.oneof(
            {
              arbitrary: fc.array(fc.nat(text.length), { maxLength: 3000, size: "medium" }),
              weight: 9,
            },
            {
              arbitrary: fc.array(fc.nat(text.length), { maxLength: 3000, size: "max" }),
              weight: 1,
            },
          ),
          fc.nat(20_000),
          async (cuts, emptyMembers) => {
            const at = [0, ...cuts.sort((a, b) => a - b), text.length];
            const members = at.slice(1).map((end, i) => gzipSync(text.subarray(at[i], end)));
            const empty = gzipSync(Buffer.alloc(0));
            const r = await readTimed(
              Buffer.concat([...Array(emptyMembers).fill(empty), ...members]),
            );
            expect(r.ok && computeContentHash(r.value.reports[0]!)).toBe(CLEAN_HASH);
          },
        ),
        runs(300),
      );
    },
  );

  it(
    "members past the decompressed budget are refused, however they are split (300 runs)",
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 400 }),
          fc.integer({ min: 0, max: 4000 }),
          async (n, pad) => {
            const padded = Buffer.concat([text, Buffer.alloc(pad, 0x20)]);
            const size = Math.ceil(padded.length / n);
            const members = Array.from({ length: n }, (_, i) =>
              gzipSync(padded.subarray(i * size, (i + 1) * size)),
            );
            const limit = text.length + 2000;
            const r = await readTimed(Buffer.concat(members), { limits: { decompressed: limit } });
            if (padded.length > limit)
              expect(r.ok ? null : r.error.code).toBe("decompression-bomb");
            else expect(r.ok).toBe(true);
          },
        ),
        runs(300),
      );
    },
  );
});

describe(
  "e-mails with many attachments (issue 11, RPT-DELIV-4)",
  { timeout: PROPERTY_TEST_TIMEOUT_MS },
  () => {
    const json = bytesOf(REPORT);
    const kinds: Record<string, Part> = {
      json: { type: "application/tlsrpt+json", body: json },
      gzip: { type: "application/tlsrpt+gzip", body: gzipSync(json) },
      junk: { type: "application/octet-stream", name: "x.bin", body: Buffer.from("not a report") },
      text: { type: "text/plain", name: "readme.txt", body: Buffer.from("hello") },
    };
    it(
      "up to 70 attachments, some forwarded: refused past 50, else every report read (40 runs)",
      { timeout: 120_000 },
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.constantFrom("json", "gzip", "junk", "text"), {
              maxLength: 60,
              size: "max",
            }),
            fc.array(fc.constantFrom("json", "gzip", "junk"), { maxLength: 10, size: "max" }),
            async (top, inner) => {
              const parts = top.map((k) => kinds[k]!);
              if (inner.length > 0) {
                parts.push({
                  type: "message/rfc822",
                  body: emailOf(
                    inner.map((k) => kinds[k]!),
                    "in",
                  ),
                });
              }
              const total = parts.length + inner.length;
              const reportsIn = [...top, ...inner].filter(
                (k) => k === "json" || k === "gzip",
              ).length;
              const r = await readAnyTimed(emailOf(parts));
              checkOutcome(r);
              if (total > MAX_ATTACHMENTS) {
                expect(r.ok ? null : r.error.code).toBe("too-large");
              } else if (reportsIn === 0) {
                expect(r.ok ? null : r.error.code).toBe("no-report");
              } else {
                expect(r.ok && r.value.reports.length).toBe(reportsIn);
              }
            },
          ),
          runs(40),
        );
      },
    );
  },
);
