import { describe, expect, it } from "vitest";
import { parseSettings } from "./settings";
import { settingsAtStart } from "./settings-at-start";

// Issue 11: a bad setting stops the start, naming the variable (settings.ts promises it).
describe("settingsAtStart", () => {
  it("exits with 1 on a bad STS_TRUSTED_PROXIES instead of serving 500s", () => {
    const exits: number[] = [];
    const read = () => parseSettings({ STS_TRUSTED_PROXIES: "not-a-cidr" });
    expect(settingsAtStart(read, (c) => exits.push(c))).toBeNull();
    expect(exits).toEqual([1]);
    expect(read).toThrow(/^Invalid settings in the environment:\n {2}STS_TRUSTED_PROXIES: /);
  });

  it("returns the settings when they are good, STS_DISABLE_POLLER read as a flag", () => {
    const exits: number[] = [];
    const s = settingsAtStart(
      () => parseSettings({ STS_DISABLE_POLLER: "1" }),
      (c) => exits.push(c),
    );
    expect([s?.STS_DISABLE_POLLER, exits]).toEqual([true, []]);
    expect(parseSettings({}).STS_DISABLE_POLLER).toBe(false);
    expect(() => parseSettings({ STS_DISABLE_POLLER: "yes" })).toThrow(/STS_DISABLE_POLLER/);
  });

  it("checks the secrets too by default: a short STS_METRICS_TOKEN exits with 1", () => {
    const before = process.env.STS_METRICS_TOKEN;
    process.env.STS_METRICS_TOKEN = "too-short";
    const exits: number[] = [];
    try {
      expect(settingsAtStart(undefined, (c) => exits.push(c))).toBeNull();
    } finally {
      if (before === undefined) delete process.env.STS_METRICS_TOKEN;
      else process.env.STS_METRICS_TOKEN = before;
    }
    expect(exits).toEqual([1]);
  });
});
