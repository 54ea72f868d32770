import { describe, expect, it } from "vitest";
import { removalStatus, type ServedPolicy } from "./removal";

const DAY = 86400;
const at = (iso: string): Date => new Date(iso);
const served = (
  id: string,
  mode: ServedPolicy["mode"],
  maxAge: number,
  first: string,
  last: string,
): ServedPolicy => ({ id, mode, maxAge, firstServed: at(first), lastServed: at(last) });

describe("removalStatus (STS-OPS-9)", () => {
  const history = [
    served("a", "enforce", 30 * DAY, "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"),
    served("b", "enforce", 7 * DAY, "2025-02-01T00:00:00Z", "2025-03-01T00:00:00Z"),
    served("c", "none", DAY, "2025-03-01T00:00:00Z", "2025-03-05T00:00:00Z"),
  ];

  it("uses the largest max_age ever served, not the latest one", () => {
    // last non-none served 2025-03-01 + 30 days (policy a) = 2025-03-31.
    expect(removalStatus(history, at("2025-03-10T00:00:00Z"))).toEqual({
      kind: "wait",
      safeAfter: at("2025-03-31T00:00:00Z"),
    });
    expect(removalStatus(history, at("2025-03-31T00:00:00Z"))).toEqual({
      kind: "safe",
      safeAfter: at("2025-03-31T00:00:00Z"),
    });
  });

  it("asks for a mode none policy first while testing/enforce is still served", () => {
    expect(removalStatus(history.slice(0, 2), at("2026-01-01T00:00:00Z"))).toEqual({
      kind: "publish-none-first",
    });
  });

  it("is safe at once when only none policies were ever served, or nothing at all", () => {
    const onlyNone = [served("n", "none", DAY, "2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z")];
    expect(removalStatus(onlyNone, at("2025-01-02T00:00:00Z"))).toEqual({
      kind: "safe",
      safeAfter: null,
    });
    expect(removalStatus([], at("2025-01-02T00:00:00Z"))).toEqual({
      kind: "safe",
      safeAfter: null,
    });
  });
});
