import { describe, expect, it } from "vitest";
import { isServedOverHttps, publicUrlIsHttps } from "./https";

// Issue 11 §9: HSTS only when this installation is served over HTTPS.

describe("publicUrlIsHttps", () => {
  it("is true when NEXTAUTH_URL or STS_PUBLIC_URL is https:", () => {
    expect(publicUrlIsHttps({ NEXTAUTH_URL: "https://sts.example.net" })).toBe(true);
    expect(publicUrlIsHttps({ STS_PUBLIC_URL: " HTTPS://sts.example.net/ " })).toBe(true);
    expect(
      publicUrlIsHttps({
        NEXTAUTH_URL: "http://localhost:3000",
        STS_PUBLIC_URL: "https://x.example",
      }),
    ).toBe(true);
  });

  it("is false for http: or nothing", () => {
    expect(publicUrlIsHttps({})).toBe(false);
    expect(publicUrlIsHttps({ NEXTAUTH_URL: "http://127.0.0.1:3000" })).toBe(false);
    expect(publicUrlIsHttps({ STS_PUBLIC_URL: "sts.example.net" })).toBe(false);
  });
});

describe("isServedOverHttps", () => {
  it("follows the public URL whatever the request says", () => {
    expect(isServedOverHttps(true, false, null)).toBe(true);
    expect(isServedOverHttps(true, false, "http")).toBe(true);
  });

  it("takes X-Forwarded-Proto only from a trusted proxy (STS_TRUST_PROXY)", () => {
    expect(isServedOverHttps(false, false, "https")).toBe(false);
    expect(isServedOverHttps(false, true, "https")).toBe(true);
    expect(isServedOverHttps(false, true, "HTTPS, http")).toBe(true);
    expect(isServedOverHttps(false, true, "http")).toBe(false);
    expect(isServedOverHttps(false, true, null)).toBe(false);
  });
});
