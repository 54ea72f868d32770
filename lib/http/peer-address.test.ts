import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPeerStamp, PEER_HEADER, peerAddress } from "./peer-address";

// The socket peer, stamped by the server process on each request (what `next start` runs
// through instrumentation.ts), against a real HTTP server on loopback.

let server: http.Server;
let port = 0;
const seen: (string | string[] | undefined)[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers[PEER_HEADER]);
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function get(localAddress: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, localAddress, headers }, (res) => {
      res.resume();
      res.on("end", resolve);
    });
    req.on("error", reject);
  });
}

describe("peer address stamp (RPT-DELIV-11)", () => {
  it("reads nothing before the stamp is installed: the header is then a client's claim", () => {
    const req = new Request("http://x/", { headers: { [PEER_HEADER]: "203.0.113.9" } });
    expect(peerAddress(req)).toBeNull();
  });

  it("replaces whatever the client sent with the socket's address", async () => {
    installPeerStamp();
    installPeerStamp(); // idempotent: one stamp, not two wrappers
    await get("127.0.0.1", {});
    await get("127.0.0.2", { [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.8" });
    await get("127.0.0.3", { [PEER_HEADER]: "203.0.113.9" });
    expect(seen).toEqual(["127.0.0.1", "127.0.0.2", "127.0.0.3"]);
    const req = new Request("http://x/", { headers: { [PEER_HEADER]: "127.0.0.2" } });
    expect(peerAddress(req)).toBe("127.0.0.2");
  });
});
