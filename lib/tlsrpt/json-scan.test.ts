// Issue 11, deliverable 1: the JSON reader terminates, quickly, on any text. RPT-ING-3
// (duplicate member names, exact number literals) with nesting bounded by MAX_DEPTH.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAny } from "./read-any";
import { readReport } from "./read-report";
import { findDuplicates, MAX_DEPTH, numberLiteralAt } from "./json-scan";
import { decodeJson } from "./json-text";
import {
  bytesOf,
  costMs,
  costMsAsync,
  emailOf,
  googleReport,
  ISSUE_11_BODY,
} from "./inline-reports.test-utils";

const TOO_DEEP =
  "the JSON nests arrays and objects deeper than 64 levels (the limit is 64); refused";
const TOO_DEEP_REF = { key: "refusals.tooDeep", params: { max: "64" } };
const DEEP_ERROR = { code: "bad-json", message: TOO_DEEP, ref: TOO_DEEP_REF };

const timed = costMs;

/** `levels` nested containers (top one included), alternating object/array when `mixed`. */
function nested(levels: number, mixed: boolean, inner = "0"): string {
  let s = inner;
  for (let i = levels - 1; i >= 0; i--) s = mixed && i % 2 === 1 ? `{"k":${s}}` : `[${s}]`;
  return s;
}

describe("issue 11: the 174-byte body", () => {
  it("is 174 bytes: a duplicate key, then a scalar inside 65 levels", () => {
    expect(Buffer.byteLength(ISSUE_11_BODY)).toBe(174);
  });

  it("RPT-ING-3: is refused as bad-json naming the depth limit, in < 100 ms", () => {
    const { value: r, ms } = timed(() => readReport(Buffer.from(ISSUE_11_BODY)));
    expect(r).toEqual({ ok: false, error: DEEP_ERROR });
    expect(ms).toBeLessThan(100);
  });

  it("RPT-DELIV-4: is refused inside an e-mail too, in < 1 s", async () => {
    const mail = emailOf([
      { type: "application/tlsrpt+json", name: "x.json", body: Buffer.from(ISSUE_11_BODY) },
    ]);
    const { value: r, ms } = await costMsAsync(() => readAny(mail));
    expect(ms).toBeLessThan(1000);
    expect(r).toEqual({
      ok: false,
      error: {
        code: "bad-json",
        attachment: "x.json",
        message: `x.json: ${TOO_DEEP}`,
        ref: {
          key: "refusals.inAttachment",
          params: { attachment: "x.json", reason: TOO_DEEP },
          nested: { reason: TOO_DEEP_REF },
        },
      },
    });
  });

  it("the scanner itself refuses it (it used to spin on the scalar at level 65)", () => {
    const { value, ms } = timed(() => findDuplicates(ISSUE_11_BODY));
    expect(value).toEqual({ ok: false, error: DEEP_ERROR });
    expect(ms).toBeLessThan(100);
  });
});

describe("MAX_DEPTH is counted the same way everywhere (issue 11)", () => {
  for (const mixed of [false, true]) {
    const kind = mixed ? "objects and arrays" : "arrays";
    it(`${MAX_DEPTH} levels of ${kind} are read; ${MAX_DEPTH + 1} are refused`, () => {
      // A duplicate key at the top sends the text through the slow scanner as well.
      const at = (levels: number) => `{"d":1,"d":${nested(levels - 1, mixed)}}`;
      const ok = decodeJson(Buffer.from(at(MAX_DEPTH)));
      expect(ok.ok && ok.value.duplicates).toEqual(["d"]);
      expect(findDuplicates(at(MAX_DEPTH)).ok).toBe(true);
      expect(decodeJson(Buffer.from(at(MAX_DEPTH + 1)))).toEqual({
        ok: false,
        error: DEEP_ERROR,
      });
      expect(findDuplicates(at(MAX_DEPTH + 1)).ok).toBe(false);
      // Without a duplicate the fast path refuses the same depth.
      expect(decodeJson(Buffer.from(nested(MAX_DEPTH + 1, mixed))).ok).toBe(false);
      expect(decodeJson(Buffer.from(nested(MAX_DEPTH, mixed))).ok).toBe(true);
    });
  }

  // JSON.parse alone took ~1 s on these: the depth is now checked before it runs.
  it("1 MiB of '[' is refused with the depth message in < 100 ms", () => {
    const { value, ms } = timed(() => readReport(Buffer.from("[".repeat(1024 * 1024))));
    expect(value).toEqual({ ok: false, error: DEEP_ERROR });
    expect(ms).toBeLessThan(100);
  });

  it("1 MiB of balanced nesting is refused with the depth message in < 100 ms", () => {
    const deep = `{"a":1,"a":${"[".repeat(512 * 1024)}${"]".repeat(512 * 1024)}}`;
    const { value, ms } = timed(() => readReport(Buffer.from(deep)));
    expect(value).toEqual({ ok: false, error: DEEP_ERROR });
    expect(ms).toBeLessThan(100);
  });
});

describe("duplicate member names (RPT-ING-3)", () => {
  it("are found at every depth and named by path", () => {
    const text = `{"a":{"b":[{"c":1,"c":2}],"b":[]},"x":[[{"y":{"z":0,"z":1}}]],"a":0}`;
    expect(findDuplicates(text)).toEqual({
      ok: true,
      value: { paths: ["a.b[0].c", "a.b", "x[0][0].y.z", "a"], count: 4 },
    });
  });

  it("a flood of them lists the first ten and counts the rest in the warning", () => {
    const v = googleReport();
    const text = JSON.stringify(v).replace(
      '"contact-info"',
      `${'"contact-info":"x",'.repeat(25)}"contact-info"`,
    );
    const r = readReport(Buffer.from(text));
    expect(r.ok && r.value.reports[0]?.warnings).toMatchObject([
      {
        id: "RPT-ING-3",
        severity: "warning",
        message: `duplicate member names (I-JSON forbids them); the last value was kept: ${Array(10).fill("contact-info").join(", ")}, and 15 more`,
      },
    ]);
  });

  it("200,001 duplicate names at depth 3 are scanned in < 2 s", () => {
    const text = `{"policies":[{"k":${'{"a":0,'.repeat(1)}${'"a":0,'.repeat(200_000)}"a":1}}]}`;
    const { value, ms } = timed(() => findDuplicates(text));
    expect(value.ok && value.value.count).toBe(200_001);
    expect(value.ok && value.value.paths[0]).toBe("policies[0].k.a");
    expect(ms).toBeLessThan(2000);
  });

  it("long member names are shortened in the paths shown", () => {
    const k = "k".repeat(100);
    const r = findDuplicates(`{"${k}":1,"${k}":2}`);
    expect(r.ok && r.value.paths).toEqual([`${"k".repeat(37)}...`]);
  });
});

describe("number literals as written (TV-JSON-13)", () => {
  const text = bytesOf(googleReport())
    .toString()
    .replace('"failed-session-count":2', '"failed-session-count":9007199254740993');

  it("finds the literal at a path, and null where there is none", () => {
    const path = "policies[0].failure-details[0].failed-session-count";
    expect(numberLiteralAt(text, path)).toBe("9007199254740993");
    expect(numberLiteralAt(text, "policies[1].summary.x")).toBeNull();
    expect(numberLiteralAt('{"a":1,"a":2e400}', "a")).toBe("2e400");
  });
});

describe("the scanner terminates on any text (issue 11)", () => {
  it("arbitrary strings give a Result in < 2 s each (3,000 runs)", () => {
    const jsonish = fc.string({
      unit: fc.constantFrom("{", "}", "[", "]", '"', "\\", ":", ",", "0", "a", " ", "-", "e", "t"),
      maxLength: 400,
    });
    fc.assert(
      fc.property(jsonish, (s) => {
        const { value, ms } = timed(() => findDuplicates(s));
        expect(typeof value.ok).toBe("boolean");
        expect(ms).toBeLessThan(2000);
        numberLiteralAt(s, "a[0].b");
      }),
      { numRuns: 3000 },
    );
  });
});
