import { describe, expect, it } from "vitest";
import { formatPolicy, isValidPolicyId, newPolicyId, samePolicy } from "./policy-format";
import { parsePolicy } from "./policy";
import type { StsPolicy } from "./policy-types";

describe("formatPolicy", () => {
  it("writes version first with CRLF endings and round-trips (STS-POL-1, STS-POL-6)", () => {
    const r = formatPolicy({
      mode: "testing",
      maxAge: 86400,
      mx: ["mx1.example.com", "*.example.net"],
    });
    expect(r).toEqual({
      ok: true,
      value:
        "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmx: *.example.net\r\nmax_age: 86400\r\n",
    });
    if (r.ok) expect(parsePolicy(r.value)).toMatchObject({ valid: true, diagnostics: [] });
  });

  it("can use LF endings and writes extensions last", () => {
    const r = formatPolicy(
      { mode: "none", maxAge: 86400, mx: [], extensions: [["note", "removal"]] },
      { lineEnding: "\n" },
    );
    expect(r).toEqual({
      ok: true,
      value: "version: STSv1\nmode: none\nmax_age: 86400\nnote: removal\n",
    });
  });

  it("refuses a policy senders would reject", () => {
    const r = formatPolicy({ mode: "enforce", maxAge: 31557601, mx: ["mail.example.com."] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.map((d) => `${d.id}@${d.line}`)).toEqual(["STS-POL-9@3", "STS-POL-8@4"]);
  });

  it("refuses values with line breaks (no field injection)", () => {
    const r = formatPolicy({ mode: "enforce", maxAge: 86400, mx: ["a.example\nmode: none"] });
    expect(r).toEqual({
      ok: false,
      error: [
        {
          id: "STS-POL-2",
          severity: "error",
          message: "A value contains a line break: each field must fit on one line.",
          ref: { key: "STS-POL-2.lineBreakInValue" },
        },
      ],
    });
  });
});

describe("policy ids (STS-OPS-2)", () => {
  it("newPolicyId is the UTC time with letters and digits only", () => {
    const id = newPolicyId(new Date("2025-03-01T12:00:00.123Z"));
    expect(id).toBe("20250301T120000Z");
    expect(isValidPolicyId(id)).toBe(true);
    expect(isValidPolicyId("2025-03-01")).toBe(false);
  });
});

describe("samePolicy (STS-OPS-2)", () => {
  const p: StsPolicy = {
    version: "STSv1",
    mode: "enforce",
    maxAge: 604800,
    mx: ["mx1.example.com", "*.example.net"],
    extensions: [],
  };

  it("ignores mx order and case", () => {
    expect(samePolicy(p, { ...p, mx: ["*.Example.net", "MX1.example.com"] })).toBe(true);
  });

  it("sees changes to mode, max_age, mx and extensions", () => {
    expect(samePolicy(p, { ...p, mode: "testing" })).toBe(false);
    expect(samePolicy(p, { ...p, maxAge: 86400 })).toBe(false);
    expect(samePolicy(p, { ...p, mx: ["mx1.example.com"] })).toBe(false);
    expect(samePolicy(p, { ...p, extensions: [["a", "b"]] })).toBe(false);
  });
});
