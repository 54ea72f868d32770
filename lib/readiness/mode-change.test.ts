import { describe, expect, it } from "vitest";
import { actionRefusal, removalStages } from "./mode-change";

const v = (policyId: string, mode: string, maxAge: number, at: string) => ({
  policyId,
  mode,
  maxAge,
  createdAt: new Date(at),
});

describe("mode switches and the removal timeline (STS-OPS-8/9)", () => {
  it("allows enforce only from testing, rollback from enforce or none, removal unless none", () => {
    expect(actionRefusal("enforce", "testing")).toBeNull();
    expect(actionRefusal("enforce", "none")).toMatch(/in none mode/);
    expect(actionRefusal("rollback", "enforce")).toBeNull();
    expect(actionRefusal("rollback", "testing")).toBe("The policy is already in testing mode.");
    expect(actionRefusal("removal", "none")).toBe("mode: none is already being served.");
    expect(actionRefusal("enforce", null)).toMatch(/Publish a policy/);
  });

  it("dates each removal stage from the longest max_age ever served", () => {
    const now = new Date("2026-03-10T00:00:00Z");
    const history = [
      v("3", "none", 86400, "2026-03-05T00:00:00Z"),
      v("2", "enforce", 86400, "2026-02-01T00:00:00Z"),
      v("1", "testing", 604800, "2026-01-01T00:00:00Z"),
    ];
    const stages = removalStages(history, now);
    expect(stages.map((s) => [s.done, s.safeFrom])).toEqual([
      [true, now.toISOString()],
      [false, "2026-03-12T00:00:00.000Z"],
      [false, "2026-03-12T00:00:00.000Z"],
    ]);
    expect(stages[1]?.title).toBe("2. Keep it for the longest max_age ever served (604800 s)");
    const before = removalStages(history.slice(1), now);
    expect(before.map((s) => s.safeFrom)).toEqual([now.toISOString(), null, null]);
  });

  it("issue 16: a domain without any policy has no removal stages, so nothing is 'safe from' now", () => {
    expect(removalStages([], new Date("2026-03-10T00:00:00Z"))).toEqual([]);
  });
});
