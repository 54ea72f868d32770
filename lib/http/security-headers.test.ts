import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "./security-headers";

// Issue 11 §9: a CSP without unsafe inline scripts, frame-ancestors 'none', the other
// browser headers, HSTS only over HTTPS.

const directives = (csp: string) =>
  new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("allows scripts only by this response's nonce, never inline or eval in production", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false, https: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    // Inline style attributes (Recharts, Radix) only; no nonce, which would disable it.
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds eval only for next dev, and the upgrade only over HTTPS", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    const https = directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true }));
    expect(https.has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("pageSecurityHeaders", () => {
  it("sends the browser headers, and HSTS only over HTTPS", () => {
    const http = pageSecurityHeaders({ nonce: "n", dev: false, https: false });
    expect(Object.keys(http).sort()).toEqual([
      "Content-Security-Policy",
      "Cross-Origin-Opener-Policy",
      "Permissions-Policy",
      "Referrer-Policy",
      "X-Content-Type-Options",
      "X-Frame-Options",
    ]);
    expect(http["X-Content-Type-Options"]).toBe("nosniff");
    expect(http["X-Frame-Options"]).toBe("DENY");
    expect(http["Referrer-Policy"]).toBe("same-origin");
    expect(http["Permissions-Policy"]).toBe(
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()",
    );
    const https = pageSecurityHeaders({ nonce: "n", dev: false, https: true });
    expect(https["Strict-Transport-Security"]).toBe("max-age=31536000");
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const seen = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(seen.size).toBe(1000);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
