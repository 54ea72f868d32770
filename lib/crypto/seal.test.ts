import { describe, expect, it } from "vitest";
import { seal, unseal } from "./seal";

const env = { STS_SECRET: "test-secret-one" };

describe("seal / unseal", () => {
  it("round-trips, never contains the plain text, and differs every time", () => {
    const a = seal("app pässword", env);
    const b = seal("app pässword", env);
    expect(a).not.toBe(b);
    expect(a).not.toContain("pässword");
    expect(a.startsWith("v1:")).toBe(true);
    expect(unseal(a, env)).toEqual({ ok: true, value: "app pässword" });
  });

  it("refuses a value sealed under another secret or tampered with", () => {
    const a = seal("secret", env);
    expect(unseal(a, { STS_SECRET: "other" }).ok).toBe(false);
    const bytes = Buffer.from(a.slice(3), "base64");
    bytes.writeUInt8((bytes.at(-1) ?? 0) ^ 1, bytes.length - 1);
    expect(unseal(`v1:${bytes.toString("base64")}`, env).ok).toBe(false);
  });

  it("falls back to NEXTAUTH_SECRET", () => {
    const e = { NEXTAUTH_SECRET: "na" };
    expect(unseal(seal("x", e), e)).toEqual({ ok: true, value: "x" });
  });
});
