import { describe, expect, it } from "vitest";
import { parseCidrList } from "@/lib/config/cidr-list";
import { parseSettings, SettingsError } from "@/lib/config/settings";
import { clientAddress, sourceKey, type AddressTrust } from "./client-address";

// RPT-DELIV-11: the address the public endpoints' limits are keyed by.

const ranges = (text: string) => {
  const r = parseCidrList(text);
  if (!r.ok) throw new Error(r.error);
  return r.ranges;
};
const loopback: AddressTrust = { trustProxy: true, trustedProxies: ranges("127.0.0.0/8,::1/128") };
const off: AddressTrust = { ...loopback, trustProxy: false };

describe("clientAddress (RPT-DELIV-11)", () => {
  it("ignores X-Forwarded-For entirely without STS_TRUST_PROXY", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.1", off)).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", "203.0.113.1, 203.0.113.2", off)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:198.51.100.7", null, off)).toBe("198.51.100.7");
  });

  it("walks X-Forwarded-For from the right past trusted proxies only", () => {
    const cases: [string | null, string | null, AddressTrust, string][] = [
      // a client that prepends its own entry cannot choose: the proxy appended the real one
      ["127.0.0.1", "spoofed, 203.0.113.9", loopback, "203.0.113.9"],
      ["127.0.0.1", "192.0.2.66, 203.0.113.9", loopback, "203.0.113.9"],
      // two trusted hops: skipped, the first untrusted from the right wins
      ["::1", "192.0.2.66, 203.0.113.9, 127.0.0.5", loopback, "203.0.113.9"],
      // the peer itself is not a trusted proxy: its header is the client's claim
      ["198.51.100.7", "203.0.113.9", loopback, "198.51.100.7"],
      // a proxy on the private network, trusted by CIDR
      [
        "10.1.2.3",
        "2001:db8::1, 10.0.0.9",
        { trustProxy: true, trustedProxies: ranges("10.0.0.0/8") },
        "2001:db8::1",
      ],
      // forms proxies write: ports, brackets, IPv4-mapped IPv6
      ["127.0.0.1", "203.0.113.9:4711", loopback, "203.0.113.9"],
      ["127.0.0.1", "[2001:db8::7]:443", loopback, "2001:db8::7"],
      ["::ffff:127.0.0.1", "::ffff:203.0.113.9", loopback, "203.0.113.9"],
      // only trusted hops: the request started inside, at the left-most one
      ["127.0.0.1", "127.0.0.3", loopback, "127.0.0.3"],
      ["127.0.0.1", null, loopback, "127.0.0.1"],
      // garbage where the client address should be: one shared key, never the text
      ["127.0.0.1", "203.0.113.1, not-an-ip", loopback, "unknown"],
      ["127.0.0.1", "127.1", loopback, "unknown"],
      // no socket address at all
      [null, "203.0.113.9", loopback, "unknown"],
    ];
    const got = cases.map(([peer, xff, trust]) => clientAddress(peer, xff, trust));
    expect(got).toEqual(cases.map((c) => c[3]));
  });

  it("limits an IPv6 client by its /64", () => {
    expect(sourceKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(sourceKey("2001:db8:1:2:bbbb::9")).toBe("2001:db8:1:2::/64");
    expect(sourceKey("198.51.100.7")).toBe("198.51.100.7");
    expect(sourceKey("unknown")).toBe("unknown");
  });
});

describe("STS_TRUSTED_PROXIES", () => {
  it("defaults to loopback and accepts bare addresses", () => {
    const s = parseSettings({});
    expect(s.STS_TRUSTED_PROXIES.map(([a, b]) => `${a.toString()}/${b}`)).toEqual([
      "127.0.0.0/8",
      "::1/128",
    ]);
    const t = parseSettings({ STS_TRUSTED_PROXIES: " 192.0.2.7 , fd00::/8,::ffff:10.0.0.0/104" });
    expect(t.STS_TRUSTED_PROXIES.map(([a, b]) => `${a.toString()}/${b}`)).toEqual([
      "192.0.2.7/32",
      "fd00::/8",
      "10.0.0.0/8",
    ]);
  });

  it("refuses a bad entry with a message naming the variable and the entry", () => {
    for (const bad of [
      "10.0.0.0/33",
      "10.0.0.300/8",
      "proxy.internal",
      "10.0.0.0/8/1",
      "::1/129",
    ]) {
      expect(() => parseSettings({ STS_TRUSTED_PROXIES: `127.0.0.1,${bad}` })).toThrow(
        new SettingsError(
          `Invalid settings in the environment:\n  STS_TRUSTED_PROXIES: "${bad}" is not an IP address or CIDR range (examples: 10.0.0.0/8, 192.0.2.7, fd00::/8)`,
        ),
      );
    }
  });
});
