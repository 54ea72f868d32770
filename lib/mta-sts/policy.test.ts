import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../core/diagnostic";
import { parsePolicy, toPolicy } from "./policy";

const TV_POL_1 = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmax_age: 604800\r\n";
const base = (extra = "", maxAge = "604800", mx = "mail.example.com"): string =>
  `version: STSv1\nmode: enforce\nmx: ${mx}\nmax_age: ${maxAge}\n${extra}`;
const codes = (body: string | Uint8Array, policyDomain?: string) =>
  parsePolicy(body, policyDomain ? { policyDomain } : {}).diagnostics.map(
    (d) => `${d.severity}:${d.id}@${d.line ?? "-"}`,
  );

/** The diagnostics as the English checker reports them; their message keys are asserted in
 * diagnostic-refs.test.ts. */
const english = (ds: readonly Diagnostic[]) => ds.map((d) => ({ ...d, ref: undefined }));

describe("parsePolicy (spec §16.2)", () => {
  it("TV-POL-1 STS-POL-5: the CRLF example parses with no diagnostics", () => {
    expect(parsePolicy(TV_POL_1)).toEqual({
      version: "STSv1",
      mode: "enforce",
      maxAge: 604800,
      mx: ["mail.example.com"],
      extensions: [],
      diagnostics: [],
      valid: true,
    });
  });

  it("TV-POL-2 STS-POL-1: LF endings and no final newline", () => {
    const r = parsePolicy(TV_POL_1.replace(/\r\n/g, "\n").trimEnd());
    expect(r).toMatchObject({ valid: true, mode: "enforce", maxAge: 604800, diagnostics: [] });
  });

  it("TV-POL-3 STS-POL-5: none without mx is valid", () => {
    const r = parsePolicy("version: STSv1\nmode: none\nmax_age: 86400\n");
    expect(r).toMatchObject({ valid: true, mode: "none", mx: [], diagnostics: [] });
  });

  it("TV-POL-4 STS-POL-5: testing without mx is invalid", () => {
    const r = parsePolicy("version: STSv1\nmode: testing\nmax_age: 86400\n");
    expect(r.valid).toBe(false);
    expect(english(r.diagnostics)).toEqual([
      {
        id: "STS-POL-5",
        severity: "error",
        message: 'A policy in testing mode needs at least one "mx:" line naming your MX hosts.',
      },
    ]);
  });

  it("TV-POL-5 STS-POL-4: mode values are case-sensitive", () => {
    const r = parsePolicy("version: STSv1\nmode: Enforce\nmx: a.example\nmax_age: 1\n");
    expect(r).toMatchObject({ valid: false, mode: null });
    expect(english(r.diagnostics)).toEqual([
      {
        id: "STS-POL-4",
        severity: "error",
        line: 2,
        message:
          'The mode must be enforce, testing or none, not "Enforce". Modes are case-sensitive: write "enforce".',
      },
    ]);
  });

  it("TV-POL-6 STS-POL-3: 'Mode' is an unknown key, so mode is missing", () => {
    const r = parsePolicy("version: STSv1\nMode: enforce\nmx: a.example\nmax_age: 86400\n");
    expect(r).toMatchObject({ valid: false, mode: null, extensions: [["Mode", "enforce"]] });
    expect(english(r.diagnostics)).toEqual([
      {
        id: "STS-POL-3",
        severity: "error",
        line: 2,
        message: 'Keys are case-sensitive: write "mode", not "Mode". Senders ignore "Mode".',
      },
      {
        id: "STS-POL-5",
        severity: "error",
        message: 'The policy has no "mode" line: add "mode: testing" (or enforce, or none).',
      },
    ]);
  });

  it("TV-POL-7 STS-POL-8: one above the maximum is an error", () => {
    const r = parsePolicy(base("", "31557601"));
    expect(r).toMatchObject({ valid: false, maxAge: null });
    expect(codes(base("", "31557601"))).toEqual(["error:STS-POL-8@4"]);
    expect(parsePolicy(base("", "31557600"))).toMatchObject({ valid: true, maxAge: 31557600 });
  });

  it("TV-POL-8 STS-POL-8: max_age 0 in enforce is valid with a warning", () => {
    const r = parsePolicy(base("", "0"));
    expect(r).toMatchObject({ valid: true, maxAge: 0 });
    expect(english(r.diagnostics)).toEqual([
      {
        id: "STS-POL-8",
        severity: "warning",
        line: 4,
        message:
          "max_age 0 is under one day: senders barely cache the policy, so it gives weak protection. Use at least 86400.",
      },
    ]);
  });

  it("TV-POL-9 STS-POL-8: units, signs, decimals and 11 digits are invalid", () => {
    for (const value of ["86400s", "-1", "+86400", "86400.5", "86_400", "abc", "01234567890", ""]) {
      expect(parsePolicy(base("", value)).valid, value).toBe(false);
      expect(codes(base("", value)), value).toEqual(["error:STS-POL-8@4"]);
    }
  });

  it("STS-POL-8: leading zeros are valid with a warning", () => {
    const r = parsePolicy(base("", "0086400"));
    expect(r).toMatchObject({ valid: true, maxAge: 86400 });
    expect(codes(base("", "0086400"))).toEqual(["warning:STS-POL-8@4"]);
  });

  it("TV-POL-10 STS-POL-9: a wildcard over the policy's own domain is info", () => {
    const body = base("", "604800", "*.example.com");
    expect(parsePolicy(body).diagnostics).toEqual([]);
    expect(english(parsePolicy(body, { policyDomain: "example.com" }).diagnostics)).toEqual([
      {
        id: "STS-POL-9",
        severity: "info",
        line: 3,
        message:
          '"*.example.com" lets any host in example.com with a valid certificate act as your MX; list the MX hosts by name if you can.',
      },
    ]);
    expect(codes(base("", "604800", "*.mail.protection.outlook.com"), "example.com")).toEqual([]);
  });

  it("STS-POL-9: a wildcard over a public suffix is a warning", () => {
    expect(codes(base("", "604800", "*.com"))).toEqual(["warning:STS-POL-9@3"]);
    expect(codes(base("", "604800", "*.co.uk"))).toEqual(["warning:STS-POL-9@3"]);
  });

  it("TV-POL-11..13, TV-POL-21 STS-POL-9: malformed mx patterns are errors", () => {
    expect(english(parsePolicy(base("", "604800", "mail.example.com.")).diagnostics)).toEqual([
      {
        id: "STS-POL-9",
        severity: "error",
        line: 3,
        message: 'Remove the trailing dot from "mail.example.com.".',
      },
    ]);
    expect(codes(base("", "604800", "mx1.example.com, mx2.example.com"))).toEqual([
      "error:STS-POL-9@3",
    ]);
    expect(codes(base("", "604800", "*.*.example.com"))).toEqual(["error:STS-POL-9@3"]);
    expect(codes(base("", "604800", "münchen.example"))).toEqual([
      "warning:STS-POL-12@3",
      "error:STS-POL-9@3",
    ]);
  });

  it("TV-POL-14 STS-POL-2: a blank line between fields is invalid", () => {
    const r = parsePolicy("version: STSv1\n\nmode: enforce\nmx: a.example\nmax_age: 86400\n");
    expect(r).toMatchObject({ valid: false, mode: "enforce", maxAge: 86400 });
    expect(english(r.diagnostics)).toEqual([
      {
        id: "STS-POL-2",
        severity: "error",
        line: 2,
        message:
          "Remove the blank line: the policy grammar does not allow them, and strict senders reject the policy.",
      },
    ]);
  });

  it("TV-POL-15 STS-POL-2: a trailing blank line is invalid", () => {
    expect(codes(`${TV_POL_1}\r\n`)).toEqual(["error:STS-POL-2@5"]);
    expect(codes(base("\n"))).toEqual(["error:STS-POL-2@5"]);
  });

  it("TV-POL-16 STS-POL-2: optional and trailing whitespace around values", () => {
    const r = parsePolicy("version:STSv1\nmode:\tenforce\nmx:  a.example \nmax_age:86400");
    expect(r).toMatchObject({ valid: true, mode: "enforce", mx: ["a.example"], maxAge: 86400 });
    expect(english(r.diagnostics)).toEqual([]);
  });

  it("TV-POL-17 STS-POL-2: whitespace before ':' or before the key is an error", () => {
    const r = parsePolicy("version : STSv1\nmode: enforce\nmx: a.example\nmax_age: 86400\n");
    expect(r).toMatchObject({ valid: false, version: "STSv1" });
    expect(english(r.diagnostics)).toEqual([
      {
        id: "STS-POL-2",
        severity: "error",
        line: 1,
        message: 'Remove the whitespace between "version" and ":".',
      },
    ]);
    expect(codes(" version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 86400\n")).toEqual([
      "error:STS-POL-2@1",
    ]);
  });

  it("TV-POL-18 STS-POL-11: conflicting duplicates: first wins, checker error", () => {
    const r = parsePolicy(
      "version: STSv1\nmode: testing\nmode: enforce\nmx: a.example\nmax_age: 86400",
    );
    expect(r).toMatchObject({ valid: true, mode: "testing" });
    expect(english(r.diagnostics)).toEqual([
      {
        id: "STS-POL-11",
        severity: "error",
        line: 3,
        message:
          '"mode: enforce" conflicts with "mode: testing" on line 2: senders disagree on which one wins. Keep one.',
      },
    ]);
  });

  it("STS-POL-11: identical duplicates are a warning; every mx line counts", () => {
    const r = parsePolicy(base("max_age: 604800\nmx: b.example\n"));
    expect(r).toMatchObject({ valid: true, mx: ["mail.example.com", "b.example"] });
    expect(codes(base("max_age: 604800\nmx: b.example\n"))).toEqual(["warning:STS-POL-11@5"]);
  });

  it("TV-POL-19 STS-POL-10: an unknown key is kept and reported as info", () => {
    const r = parsePolicy(base("foo: bar baz\n"));
    expect(r).toMatchObject({ valid: true, extensions: [["foo", "bar baz"]] });
    expect(english(r.diagnostics)).toEqual([
      {
        id: "STS-POL-10",
        severity: "info",
        line: 5,
        message: '"foo" is not defined by RFC 8461; senders ignore it.',
      },
    ]);
  });

  it("STS-POL-10: malformed unknown keys make the policy invalid", () => {
    expect(codes(base("ext:\n"))).toEqual(["error:STS-POL-10@5"]);
    expect(codes(base("_bad: 1\n"))).toEqual(["error:STS-POL-10@5"]);
    expect(codes(base(`a${"b".repeat(32)}: 1\n`))).toEqual(["error:STS-POL-10@5"]);
    expect(codes(base("x-report: ok\x7fbad\n"))).toEqual(["error:STS-POL-10@5"]);
    expect(parsePolicy(base("x-report: ok\x7fbad\n")).valid).toBe(false);
  });

  it("TV-POL-20 STS-POL-12: a BOM is an error; the fields are still read", () => {
    const r = parsePolicy(`\uFEFF${TV_POL_1}`);
    expect(r).toMatchObject({ valid: false, version: "STSv1", mode: "enforce" });
    expect(english(r.diagnostics)).toEqual([
      {
        id: "STS-POL-12",
        severity: "error",
        line: 1,
        message:
          "Remove the byte order mark (BOM) at the start of the file: strict senders no longer recognise the first key.",
      },
    ]);
  });

  it("STS-POL-12: UTF-8 in an extension value is valid with a warning", () => {
    const r = parsePolicy(base("comment: café au lait\n"));
    expect(r).toMatchObject({ valid: true, extensions: [["comment", "café au lait"]] });
    expect(codes(base("comment: café au lait\n"))).toEqual([
      "warning:STS-POL-12@5",
      "info:STS-POL-10@5",
    ]);
  });

  it("STS-POL-12: bytes are decoded as UTF-8; invalid UTF-8 is an error", () => {
    expect(parsePolicy(new TextEncoder().encode(TV_POL_1)).valid).toBe(true);
    const r = parsePolicy(Uint8Array.from([0x76, 0xff, 0x0a]));
    expect(r.valid).toBe(false);
    expect(english(r.diagnostics)).toEqual([
      {
        id: "STS-POL-12",
        severity: "error",
        message: "The policy is not valid UTF-8 text: save it as plain ASCII.",
      },
    ]);
  });

  it("TV-POL-22 STS-POL-6: version on the last line is valid with info", () => {
    const r = parsePolicy("mode: enforce\nmx: a.example\nmax_age: 86400\nversion: STSv1\n");
    expect(r.valid).toBe(true);
    expect(codes("mode: enforce\nmx: a.example\nmax_age: 86400\nversion: STSv1\n")).toEqual([
      "info:STS-POL-6@4",
    ]);
  });

  it("STS-POL-1: a bare CR is not a line ending", () => {
    const r = parsePolicy("version: STSv1\rmode: enforce\nmx: a.example\nmax_age: 86400\n");
    expect(r.valid).toBe(false);
    expect(english(r.diagnostics.slice(0, 1))).toEqual([
      {
        id: "STS-POL-1",
        severity: "error",
        line: 1,
        message: "A bare CR is not a line ending: end each line with LF or CRLF.",
      },
    ]);
    expect(r.diagnostics.map((d) => d.id)).toEqual(["STS-POL-1", "STS-POL-4", "STS-POL-5"]);
  });

  it("STS-POL-4/5: wrong version, missing fields, an empty body", () => {
    expect(codes(base().replace("STSv1", "STSv10"))).toEqual(["error:STS-POL-4@1"]);
    expect(codes("")).toEqual(["error:STS-POL-5@-", "error:STS-POL-5@-", "error:STS-POL-5@-"]);
    expect(codes("garbage")).toEqual([
      "error:STS-POL-2@1",
      "error:STS-POL-5@-",
      "error:STS-POL-5@-",
      "error:STS-POL-5@-",
    ]);
  });

  it("STS-OPS-10: a long max_age in none mode is a warning", () => {
    expect(codes("version: STSv1\nmode: none\nmax_age: 604800\n")).toEqual([
      "warning:STS-OPS-10@3",
    ]);
  });
});

describe("toPolicy", () => {
  it("returns the policy when valid", () => {
    expect(toPolicy(parsePolicy(TV_POL_1))).toEqual({
      ok: true,
      value: {
        version: "STSv1",
        mode: "enforce",
        maxAge: 604800,
        mx: ["mail.example.com"],
        extensions: [],
      },
    });
  });

  it("returns only the errors when invalid", () => {
    const r = toPolicy(parsePolicy("version: STSv1\nmode: testing\nmax_age: 3600\n"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((d) => d.id)).toEqual(["STS-POL-5"]);
  });
});
