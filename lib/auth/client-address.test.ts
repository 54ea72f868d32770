import { beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, installPeerStamp } from "@/lib/http/peer-address";
import { clientAddressFromHeaders } from "./client-address";

// Sign-in and first run key their throttles by the same address the public endpoints use:
// the socket peer that the server's stamp wrote, never a client's X-Forwarded-For claim
// (STS_TRUST_PROXY is off in tests).
describe("clientAddressFromHeaders", () => {
  beforeAll(() => installPeerStamp());

  it.each([
    [{ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "198.51.100.7" }, "127.0.0.1"],
    [{ [PEER_HEADER]: "::ffff:192.0.2.4" }, "192.0.2.4"],
    [{ [PEER_HEADER]: "2001:db8::1", "x-forwarded-for": "10.0.0.2" }, "2001:db8::1"],
    [{ [PEER_HEADER]: "<script>" }, "unknown"],
    [{ "x-forwarded-for": "192.0.2.1" }, "unknown"],
    [{}, "unknown"],
  ])("%j -> %s", (headers, expected) => {
    expect(clientAddressFromHeaders(headers)).toBe(expected);
  });

  it("reads a Headers object (server actions) and no headers at all", () => {
    expect(clientAddressFromHeaders(new Headers({ [PEER_HEADER]: "192.0.2.9" }))).toBe("192.0.2.9");
    expect(clientAddressFromHeaders(undefined)).toBe("unknown");
  });
});
