import { describe, expect, it } from "vitest";
import {
  certificateCoversHost,
  dnsNamesFromSubjectAltName,
  sanMatchesHost,
  strictCheckServerIdentity,
} from "./cert-name";

describe("certificate names (STS-FETCH-3, TLS-5, spec §16.3)", () => {
  it("a whole-label wildcard covers exactly one label", () => {
    expect(certificateCoversHost(["*.example.com"], "mx1.example.com")).toBe(true);
    expect(certificateCoversHost(["*.example.com"], "a.b.example.com")).toBe(false);
    expect(certificateCoversHost(["*.example.com"], "example.com")).toBe(false);
  });

  it("partial-label wildcards never match (Node's default would)", () => {
    expect(certificateCoversHost(["mx*.example.com"], "mx1.example.com")).toBe(false);
  });

  it("a wildcard over a single label never matches", () => {
    expect(sanMatchesHost("*.com", "example.com")).toBe(false);
  });

  it("exact names compare case-insensitively and ignore one trailing dot", () => {
    expect(sanMatchesHost("MTA-STS.Example.com", "mta-sts.example.com.")).toBe(true);
  });

  it("reads DNS names only from Node's subjectaltname string", () => {
    expect(
      dnsNamesFromSubjectAltName("DNS:mx1.example.com, IP Address:192.0.2.1, DNS:*.example.net"),
    ).toEqual(["mx1.example.com", "*.example.net"]);
    expect(dnsNamesFromSubjectAltName(undefined)).toEqual([]);
  });

  it("strictCheckServerIdentity: a CN-only certificate fails", () => {
    const error = strictCheckServerIdentity("mx1.example.com", {});
    expect(error?.message).toBe(
      "The certificate does not cover mx1.example.com (its SAN lists no DNS names).",
    );
    expect(
      strictCheckServerIdentity("mx1.example.com", { subjectaltname: "DNS:*.example.com" }),
    ).toBeUndefined();
    expect(
      strictCheckServerIdentity("mta-sts.example.com", {
        subjectaltname: "DNS:mta-sts.provider.example",
      })?.message,
    ).toBe(
      "The certificate does not cover mta-sts.example.com (its SAN lists mta-sts.provider.example).",
    );
  });
});
