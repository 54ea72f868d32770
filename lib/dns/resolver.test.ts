// The DNS client against a real authoritative server (dns2) on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDnsServer, type DnsServerHandle } from "../../e2e/servers/dns-server";
import { createDnsClient, type DnsClient } from "./resolver";

let server: DnsServerHandle;
let dns: DnsClient;

beforeAll(async () => {
  server = await startDnsServer([
    { name: "_mta-sts.a.test", type: "TXT", strings: ["v=STSv1; ", "id=x"], ttl: 1234 },
    { name: "_mta-sts.a.test", type: "TXT", strings: ["other"], ttl: 600 },
    { name: "_mta-sts.b.test", type: "CNAME", target: "_mta-sts.c.test" },
    { name: "_mta-sts.c.test", type: "CNAME", target: "_mta-sts.a.test" },
    { name: "a.test", type: "MX", priority: 10, exchange: "mx.a.test" },
    { name: "mx.a.test", type: "A", address: "192.0.2.1", ttl: 60 },
    { name: "mx.a.test", type: "AAAA", address: "2001:db8::1", ttl: 120 },
    {
      name: "_25._tcp.mx.a.test",
      type: "TLSA",
      usage: 3,
      selector: 1,
      matchingType: 1,
      data: "0a0b",
    },
  ]);
  dns = createDnsClient({ servers: [server.address], timeoutMs: 2000 });
});
afterAll(() => server?.close());

describe("createDnsClient", () => {
  it("returns TXT RRs as unjoined strings with the smallest TTL", async () => {
    expect(await dns.txt("_mta-sts.a.test")).toEqual({
      status: "ok",
      records: [["v=STSv1; ", "id=x"], ["other"]],
      ttl: 600,
      cnameChain: [],
    });
  });

  it("follows and reports a CNAME chain (STS-TXT-10)", async () => {
    const r = await dns.txt("_mta-sts.b.test");
    expect(r.cnameChain).toEqual(["_mta-sts.c.test", "_mta-sts.a.test"]);
    expect(r.records).toHaveLength(2);
  });

  it("tells NXDOMAIN from NODATA", async () => {
    expect((await dns.txt("nothing.a.test")).status).toBe("nxdomain");
    expect((await dns.txt("mx.a.test")).status).toBe("nodata");
    expect((await dns.mx("nothing.a.test")).status).toBe("nxdomain");
  });

  it("returns MX, A+AAAA and TLSA", async () => {
    expect((await dns.mx("a.test")).records).toEqual([{ priority: 10, exchange: "mx.a.test" }]);
    expect(await dns.addresses("mx.a.test")).toEqual({
      status: "ok",
      records: ["192.0.2.1", "2001:db8::1"],
      ttl: 60,
      cnameChain: [],
    });
    expect((await dns.tlsa("_25._tcp.mx.a.test")).records).toEqual([
      { usage: 3, selector: 1, matchingType: 1, data: "0a0b" },
    ]);
  });

  it("reports an unreachable server as an error, not as absence", async () => {
    const dead = createDnsClient({ servers: ["127.0.0.1:9"], timeoutMs: 300 });
    const r = await dead.txt("_mta-sts.a.test");
    expect(r.status).toBe("error");
  });
});
