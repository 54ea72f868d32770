// STS_ALLOW_PLAIN_IMAP (issue 11): off unless a lab turns it on; a bad value names itself.
import { describe, expect, it } from "vitest";
import { parseSettings, SettingsError } from "./settings";

const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  NODE_ENV: "test",
  ...vars,
});

describe("STS_ALLOW_PLAIN_IMAP", () => {
  it("is off by default and on with 1 or true", () => {
    expect(parseSettings(env()).STS_ALLOW_PLAIN_IMAP).toBe(false);
    expect(parseSettings(env({ STS_ALLOW_PLAIN_IMAP: "1" })).STS_ALLOW_PLAIN_IMAP).toBe(true);
    expect(parseSettings(env({ STS_ALLOW_PLAIN_IMAP: "true" })).STS_ALLOW_PLAIN_IMAP).toBe(true);
    expect(parseSettings(env({ STS_ALLOW_PLAIN_IMAP: "0" })).STS_ALLOW_PLAIN_IMAP).toBe(false);
  });

  it("refuses any other value, naming the variable", () => {
    expect(() => parseSettings(env({ STS_ALLOW_PLAIN_IMAP: "yes" }))).toThrow(SettingsError);
    expect(() => parseSettings(env({ STS_ALLOW_PLAIN_IMAP: "yes" }))).toThrow(
      /^Invalid settings in the environment:\n {2}STS_ALLOW_PLAIN_IMAP: /,
    );
  });
});
