// Issue 15 item 4: every result type of spec §10.3 on its side, with the reason.
import { describe, expect, it } from "vitest";
import { classifyFailure } from "./failure-side";

const side = (type: string, reason: string | null = null, tlsa: boolean | null = false) =>
  classifyFailure(type, reason, tlsa).side;

describe("classifyFailure", () => {
  it("our side: the MX's STARTTLS and certificate, the policy host and body", () => {
    for (const t of [
      "starttls-not-supported",
      "certificate-host-mismatch",
      "certificate-expired",
      "certificate-not-trusted",
      "sts-policy-fetch-error",
      "sts-policy-invalid",
      "sts-webpki-invalid",
    ])
      expect([t, side(t)]).toEqual([t, "ours"]);
  });

  it("sender side: DANE without TLSA, or a reason code naming the sender's trust store", () => {
    for (const t of ["tlsa-invalid", "dnssec-invalid", "dane-required"])
      expect([t, side(t)]).toEqual([t, "sender"]);
    expect(
      classifyFailure("certificate-not-trusted", "outdated CA bundle on sender", null),
    ).toEqual({
      side: "sender",
      why: 'the reason code "outdated CA bundle on sender" names the sender\'s trust store, not the MX certificate',
      whyRef: { key: "side.senderTrustStore", params: { reason: "outdated CA bundle on sender" } },
    });
    expect(side("certificate-not-trusted", "unable to get local issuer certificate")).toBe("ours");
  });

  it("unknown: the catch-all, new result types, DANE while TLSA presence is unknown", () => {
    expect(classifyFailure("validation-failure", null, false)).toEqual({
      side: "unknown",
      why: "validation-failure is a catch-all without a reason code: whose side is not known",
      whyRef: { key: "side.catchAll", params: { hasReason: "no", reason: "" } },
    });
    // A made-up type named like an object's own property is no known type.
    expect(side("constructor")).toBe("unknown");
    expect(side("some-future-type")).toBe("unknown");
    expect(side("tlsa-invalid", null, null)).toBe("unknown");
    expect(side("tlsa-invalid", null, true)).toBe("ours");
  });
});
