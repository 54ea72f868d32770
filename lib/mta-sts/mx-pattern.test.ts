import { describe, expect, it } from "vitest";
import {
  findMatchingPattern,
  mxPatternMatches,
  mxPatternProblem,
  normalizeHost,
  wildcardCoversPublicSuffix,
} from "./mx-pattern";

describe("mxPatternMatches (spec §16.3)", () => {
  it.each([
    ["TV-MX-1 STS-MX-2", "mail.example.com", "MAIL.Example.com.", true],
    ["TV-MX-2 STS-MX-4", "*.example.com", "mx1.example.com", true],
    ["TV-MX-3 STS-MX-4", "*.example.com", "example.com", false],
    ["TV-MX-4 STS-MX-4", "*.example.com", "a.b.example.com", false],
    ["TV-MX-5 STS-MX-4", "*.example.com", "mail.example.com.evil.test", false],
    ["TV-MX-6 STS-MX-4", "*.example.com", ".example.com", false],
    ["TV-MX-7 STS-MX-2", "mx.xn--mnchen-3ya.example", "mx.münchen.example", true],
    ["STS-MX-3 exact only", "mail.example.com", "mx.mail.example.com", false],
    ["STS-MX-2 pattern case", "*.Example.COM", "mx1.example.com.", true],
  ])("%s: %s vs %s → %s", (_name, pattern, host, expected) => {
    expect(mxPatternMatches(pattern, host)).toBe(expected);
  });

  it("STS-MX-1: returns the first matching pattern, or null", () => {
    const patterns = ["mx1.example.com", "*.example.net", "*.mail.protection.outlook.com"];
    expect(findMatchingPattern(patterns, "example-com.mail.protection.outlook.com")).toBe(
      "*.mail.protection.outlook.com",
    );
    expect(findMatchingPattern(patterns, "MX1.example.com.")).toBe("mx1.example.com");
    expect(findMatchingPattern(patterns, "mx2.example.com")).toBeNull();
  });
});

describe("normalizeHost (STS-MX-2)", () => {
  it("strips one trailing dot, lowercases, converts to A-labels", () => {
    expect(normalizeHost("MX.Example.COM.")).toBe("mx.example.com");
    expect(normalizeHost("mx.münchen.example")).toBe("mx.xn--mnchen-3ya.example");
    expect(normalizeHost("a..example")).toBeNull();
    expect(normalizeHost("mx.example.com..")).toBeNull();
    expect(normalizeHost("under_score.example")).toBeNull();
    expect(normalizeHost("")).toBeNull();
    // Found by fast-check: the URL parser reads "0.0x" as the IPv4 address 0.0.0.0.
    expect(normalizeHost("0.0x")).toBe("0.0x");
  });
});

describe("mxPatternProblem (STS-POL-9)", () => {
  it.each([
    "mail.example.com",
    "*.mail.protection.outlook.com",
    "onetech-dk.b-v1.mx.microsoft",
    "a",
  ])("accepts %s", (pattern) => {
    expect(mxPatternProblem(pattern)).toBeNull();
  });

  it.each([
    ["", "The mx line is empty: write a host name such as mail.example.com."],
    ["mail.example.com.", 'Remove the trailing dot from "mail.example.com.".'],
    [
      "mx1.example.com, mx2.example.com",
      '"mx1.example.com, mx2.example.com" looks like a list: put each MX pattern on its own "mx:" line.',
    ],
    [
      "*example.com",
      '"*example.com" has a misplaced wildcard: "*" is only allowed as "*." at the very start, covering exactly one label.',
    ],
    [
      "mail.*.example.com",
      '"mail.*.example.com" has a misplaced wildcard: "*" is only allowed as "*." at the very start, covering exactly one label.',
    ],
    [
      "*.*.example.com",
      '"*.*.example.com" has a misplaced wildcard: "*" is only allowed as "*." at the very start, covering exactly one label.',
    ],
    [
      "**.example.com",
      '"**.example.com" has a misplaced wildcard: "*" is only allowed as "*." at the very start, covering exactly one label.',
    ],
    [
      "mx-.example.com",
      '"mx-.example.com" is not a valid host name: each label must be 1 to 63 letters, digits or hyphens, and must not start or end with a hyphen.',
    ],
    [
      "test.example-",
      '"test.example-" is not a valid host name: each label must be 1 to 63 letters, digits or hyphens, and must not start or end with a hyphen.',
    ],
    [
      "münchen.example",
      '"münchen.example" contains non-ASCII characters: internationalised names must be written as A-labels (punycode). Write it as "xn--mnchen-3ya.example".',
    ],
    [
      "212.114.86.56",
      '"212.114.86.56" is an IP address: MTA-STS matches MX host names only, so list the MX host name instead.',
    ],
    [
      "*.1.2.3.4",
      '"*.1.2.3.4" is an IP address: MTA-STS matches MX host names only, so list the MX host name instead.',
    ],
  ])("rejects %j", (pattern, message) => {
    expect(mxPatternProblem(pattern)).toBe(message);
  });
});

describe("wildcardCoversPublicSuffix (STS-POL-9)", () => {
  it("flags *.com and *.co.uk, not *.example.com", () => {
    expect(wildcardCoversPublicSuffix("*.com")).toBe(true);
    expect(wildcardCoversPublicSuffix("*.co.uk")).toBe(true);
    expect(wildcardCoversPublicSuffix("*.example.com")).toBe(false);
    expect(wildcardCoversPublicSuffix("mail.com")).toBe(false);
  });
});
