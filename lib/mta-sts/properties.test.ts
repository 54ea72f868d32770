// Property tests: the formatter and the parser agree, and the parser never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mxPatternMatches, normalizeHost } from "./mx-pattern";
import { parsePolicy } from "./policy";
import { formatPolicy } from "./policy-format";
import { MAX_AGE_LIMIT, STS_MODES } from "./policy-types";
import { parseStsTxtRecord } from "./txt-record";

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const hostName = fc
  .array(label, { minLength: 2, maxLength: 4 })
  .map((labels) => labels.join("."))
  .filter((h) => !/^[0-9]+$/.test(h.split(".").at(-1) ?? ""));
const pattern = fc.oneof(
  hostName,
  hostName.map((h) => `*.${h}`),
);

describe("policy properties", () => {
  it("STS-POL-13: parsePolicy never throws and always returns diagnostics with spec ids", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (body) => {
        const r = parsePolicy(body);
        expect(r.diagnostics.every((d) => /^STS-(POL|OPS)-\d+$/.test(d.id))).toBe(true);
        if (r.valid) expect(r.version).toBe("STSv1");
      }),
    );
  });

  it("formatPolicy output parses back to the same fields", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STS_MODES),
        fc.integer({ min: 0, max: MAX_AGE_LIMIT }),
        fc.array(pattern, { minLength: 1, maxLength: 5 }),
        fc.constantFrom("\r\n" as const, "\n" as const),
        (mode, maxAge, mx, lineEnding) => {
          const body = formatPolicy({ mode, maxAge, mx }, { lineEnding });
          expect(body.ok).toBe(true);
          if (!body.ok) return;
          const r = parsePolicy(body.value);
          expect(r).toMatchObject({ valid: true, version: "STSv1", mode, maxAge, mx });
        },
      ),
    );
  });

  it("STS-TXT: parseStsTxtRecord never throws; valid records always carry an id", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (tail) => {
        const r = parseStsTxtRecord(`v=STSv1${tail}`);
        if (r.valid) expect(r.id).toMatch(/^[A-Za-z0-9]{1,32}$/);
      }),
    );
  });
});

describe("MX matching properties (STS-MX-4)", () => {
  it("*.suffix matches one extra label and never the suffix or two labels", () => {
    fc.assert(
      fc.property(label, label, hostName, (a, b, suffix) => {
        expect(mxPatternMatches(`*.${suffix}`, `${a}.${suffix}`)).toBe(true);
        expect(mxPatternMatches(`*.${suffix}`, suffix)).toBe(false);
        expect(mxPatternMatches(`*.${suffix}`, `${a}.${b}.${suffix}`)).toBe(false);
      }),
    );
  });

  it("exact patterns match regardless of case and one trailing dot", () => {
    fc.assert(
      fc.property(hostName, (host) => {
        expect(normalizeHost(`${host.toUpperCase()}.`)).toBe(host);
        expect(mxPatternMatches(host, `${host.toUpperCase()}.`)).toBe(true);
      }),
    );
  });
});
