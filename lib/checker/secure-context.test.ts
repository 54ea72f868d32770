import { rootCertificates } from "node:tls";
import { describe, expect, it } from "vitest";
import { checkerSecureContext } from "./secure-context";

// Issue 14 (bench:watch): one TLS context per trust store and protocol variant, shared by
// the probes; the probes' behaviour with it is covered by the lab tests (check-mx, check-policy).
const [caA = "", caB = ""] = rootCertificates;

describe("checkerSecureContext", () => {
  it("gives the same context for the same trust store and variant, also from a new array", () => {
    const first = checkerSecureContext({ minVersion: "TLSv1.2", maxVersion: "TLSv1.3" });
    expect(checkerSecureContext({ minVersion: "TLSv1.2", maxVersion: "TLSv1.3" })).toBe(first);
    expect(checkerSecureContext({ minVersion: "TLSv1.2", maxVersion: "TLSv1.2" })).not.toBe(first);
    expect(
      checkerSecureContext({ minVersion: "TLSv1.2", maxVersion: "TLSv1.3", ciphers: "AES128-SHA" }),
    ).not.toBe(first);
  });

  it("keys by the trust store's content: the settings read the CA file anew for each check", () => {
    const a = checkerSecureContext({ ca: [caA] });
    expect(checkerSecureContext({ ca: [`${caA}`] })).toBe(a);
    expect(checkerSecureContext({ ca: [caB] })).not.toBe(a);
    expect(checkerSecureContext({})).not.toBe(a);
  });
});
