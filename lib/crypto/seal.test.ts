import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
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

  it("names each problem in English and as its apiErrors message, German included (issue 16 §6)", () => {
    const sealed = seal("secret", env);
    const problems = [
      unseal("plain-text", env),
      unseal("v1:c2hvcnQ=", env),
      unseal(sealed, { STS_SECRET: "other" }),
    ].map((r) => (r.ok ? null : r.error));
    expect(problems.map((p) => p && [p.message, p.ref])).toEqual([
      ["the stored password is in an unknown format", { key: "sealUnknownFormat" }],
      ["the stored password is damaged", { key: "sealDamaged" }],
      [
        "the stored password cannot be decrypted (was STS_SECRET or NEXTAUTH_SECRET changed?); enter it again",
        { key: "sealCannotDecrypt" },
      ],
    ]);
    const t = (locale: "en" | "de") =>
      createTranslator({ locale, messages: MESSAGES[locale], namespace: "apiErrors" });
    const [en, de] = [t("en"), t("de")];
    expect(problems.map((p) => p && en(p.ref.key as Parameters<typeof en>[0]))).toEqual(
      problems.map((p) => p?.message),
    );
    expect(problems.map((p) => p && de(p.ref.key as Parameters<typeof de>[0]))).toEqual([
      "das gespeicherte Passwort liegt in einem unbekannten Format vor",
      "das gespeicherte Passwort ist beschädigt",
      "das gespeicherte Passwort lässt sich nicht entschlüsseln (wurde STS_SECRET oder NEXTAUTH_SECRET geändert?); geben Sie es erneut ein",
    ]);
  });
});
