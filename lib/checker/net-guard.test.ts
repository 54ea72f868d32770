import { describe, expect, it } from "vitest";
import { checkAddress } from "./net-guard";

describe("checkAddress (safety: no connections to special ranges)", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["192.168.1.1", "private"],
    ["172.16.0.1", "private"],
    ["100.64.0.1", "carrierGradeNat"],
    ["169.254.169.254", "metadata"],
    ["169.254.1.1", "linkLocal"],
    ["fd00:ec2::254", "metadata"],
    ["fe80::1", "linkLocal"],
    ["::1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["192.0.2.1", "reserved"],
    ["not-an-ip", "invalid"],
  ])("refuses %s (%s) by default", (address, range) => {
    expect(checkAddress(address, false)).toEqual({ allowed: false, range });
  });

  it.each(["8.8.8.8", "2606:4700::1"])("allows global unicast %s", (address) => {
    expect(checkAddress(address, false)).toEqual({ allowed: true, range: "unicast" });
  });

  it("allows loopback when allowPrivate is set", () => {
    expect(checkAddress("127.0.0.9", true)).toEqual({ allowed: true, range: "loopback" });
  });
});
