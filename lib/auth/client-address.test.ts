import { describe, expect, it } from "vitest";
import { clientAddressFromHeaders } from "./client-address";

describe("clientAddressFromHeaders", () => {
  it.each([
    [{ "x-forwarded-for": "127.0.0.1" }, "127.0.0.1"],
    [{ "x-forwarded-for": "198.51.100.7, 10.0.0.2" }, "10.0.0.2"],
    [{ "x-forwarded-for": "::ffff:127.0.0.1" }, "::ffff:127.0.0.1"],
    [{ "x-real-ip": "2001:db8::1" }, "2001:db8::1"],
    [{ "x-forwarded-for": ["192.0.2.1", "192.0.2.2"] }, "192.0.2.2"],
    [{ "x-forwarded-for": "<script>" }, "unknown"],
    [{ "x-forwarded-for": "1".repeat(65) }, "unknown"],
    [{}, "unknown"],
  ])("%j -> %s", (headers, expected) => {
    expect(clientAddressFromHeaders(headers)).toBe(expected);
  });

  it("reads a Headers object (server actions) and no headers at all", () => {
    expect(clientAddressFromHeaders(new Headers({ "x-forwarded-for": "192.0.2.9" }))).toBe(
      "192.0.2.9",
    );
    expect(clientAddressFromHeaders(undefined)).toBe("unknown");
  });
});
