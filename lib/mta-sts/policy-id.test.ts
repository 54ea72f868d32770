import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { comparePolicyIds, nextPolicyId } from "./policy-id";
import { isValidPolicyId, newPolicyId } from "./policy-format";

const NOON = new Date("2025-03-01T12:00:00.400Z");
const at = (iso: string): Date => new Date(iso);

describe("comparePolicyIds", () => {
  it("orders shorter ids first, then by character code", () => {
    const ids = ["abc123", "10", "20250301T120000Z", "9", "a", "A", "20160831085700Z", "Z"];
    expect([...ids].sort(comparePolicyIds)).toEqual([
      "9",
      "A",
      "Z",
      "a",
      "10",
      "abc123",
      "20160831085700Z",
      "20250301T120000Z",
    ]);
    expect(comparePolicyIds("x1", "x1")).toBe(0);
  });

  it("sorts newPolicyId stamps by time", () => {
    const a = newPolicyId(at("2025-03-01T12:00:00Z"));
    const b = newPolicyId(at("2025-03-01T12:00:01Z"));
    expect(comparePolicyIds(a, b)).toBe(-1);
  });
});

describe("nextPolicyId", () => {
  it("is newPolicyId when there is no earlier id (STS-OPS-2)", () => {
    expect(nextPolicyId([], NOON)).toBe("20250301T120000Z");
    expect(nextPolicyId([], NOON)).toBe(newPolicyId(NOON));
  });

  it("moves past a second id within the same second, then back to plain stamps", () => {
    expect(nextPolicyId(["20250301T120000Z"], NOON)).toBe("20250301T120000a");
    expect(nextPolicyId(["20250301T120000Z", "20250301T120000a"], NOON)).toBe("20250301T120000b");
    expect(nextPolicyId(["20250301T120000z"], NOON)).toBe("20250301T1200010");
    expect(nextPolicyId(["20250301T120000b"], at("2025-03-01T12:00:01Z"))).toBe("20250301T120001Z");
  });

  it("stays ahead when the clock goes backwards", () => {
    expect(nextPolicyId(["20250301T130000Z"], NOON)).toBe("20250301T130000a");
  });

  it("beats foreign ids that are shorter than ours", () => {
    expect(nextPolicyId(["20160831085700Z", "abc123", "zzz", "1"], NOON)).toBe("20250301T120000Z");
  });

  it("pads the stamp to the length of a longer foreign id", () => {
    expect(nextPolicyId(["123456789012345678901"], NOON)).toBe("20250301T120000Z00000");
    expect(nextPolicyId(["999999999999999999999"], NOON)).toBe("99999999999999999999A");
    expect(nextPolicyId(["zzzzzzzzzzzzzzzz"], NOON)).toBe("00000000000000000");
  });

  it("ignores invalid earlier ids (STS-TXT-4)", () => {
    expect(nextPolicyId(["2024-05-17", "x".repeat(40), ""], NOON)).toBe("20250301T120000Z");
  });

  it("still differs from every earlier id after the greatest id, z × 32", () => {
    const top = "z".repeat(32);
    expect(nextPolicyId([top], NOON)).toBe("20250301T120000Z");
    expect(nextPolicyId([top, "20250301T120000Z"], NOON)).toBe("20250301T120000a");
  });

  it("keeps the stamp alphanumeric for dates outside four-digit years", () => {
    expect(nextPolicyId([], at("+010000-01-01T00:00:00Z"))).toBe("99991231T235959Z");
    expect(nextPolicyId([], at("-000050-01-01T00:00:00Z"))).toBe("00000101T000000Z");
    expect(nextPolicyId([], new Date(Number.NaN))).toBe("19700101T000000Z");
  });
});

const CHARS = [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"];
const validId = fc
  .string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 32 })
  .filter((id) => id !== "z".repeat(32));
const foreignId = fc.oneof(
  validId,
  fc.stringMatching(/^[0-9]{14,32}$/),
  fc.integer({ min: 0, max: 10_000 }).map((n) => newPolicyId(new Date(1.7e12 + n * 1000))),
);
const step = fc.oneof(
  fc.integer({ min: -3, max: 3 }).map((s) => s * 1000),
  fc.integer({ min: -4e11, max: 4e11 }),
  fc.constant(0),
);

describe("nextPolicyId properties", () => {
  it("is valid and strictly greater than every earlier id, step after step", () => {
    fc.assert(
      fc.property(
        fc.array(foreignId, { maxLength: 6 }),
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        (seed, start, steps) => {
          const ids = [...seed];
          let time = start;
          for (const delta of steps) {
            time += delta;
            const id = nextPolicyId(ids, new Date(time));
            expect(isValidPolicyId(id)).toBe(true);
            for (const earlier of ids) expect(comparePolicyIds(id, earlier)).toBe(1);
            ids.push(id);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("differs from every earlier id even around z × 32", () => {
    fc.assert(
      fc.property(fc.array(validId, { maxLength: 5 }), fc.date(), (seed, now) => {
        const ids = ["z".repeat(32), ...seed];
        const id = nextPolicyId(ids, now);
        expect(isValidPolicyId(id) && !ids.includes(id)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
