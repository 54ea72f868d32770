// Issue 12 "every address": each A and AAAA address of every MX and of the policy host is
// probed on its own, against real servers on IPv6 addresses this test adds to `lo`.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick, startLab, type Lab } from "../../e2e/servers/lab-check";
import { auditRefs } from "./ref-audit";
import { LAB_V6_DOMAINS } from "../../e2e/servers/lab-zones-v6";
import { startTestWorld } from "../../e2e/servers/world";
import type { CheckReport } from "./types";

let lab: Lab;
const reports = new Map<string, CheckReport>();
const report = (d: string) => reports.get(d) as CheckReport;
const v4 = (host: string) => lab.world.ipOf(host) as string;
const v6 = (host: string) => lab.world.ipv6Of(host) as string;

beforeAll(async () => {
  lab = await startLab(LAB_V6_DOMAINS);
  const done = await Promise.all(LAB_V6_DOMAINS.map((d) => lab.check(d.name)));
  done.forEach((r) => reports.set(r.domain, r));
});
afterAll(() => lab?.stop());

describe("every address of each MX host (CHK-MX-3…8)", () => {
  it("CHK-MX-5 error only on the IPv6 address that presents a wrong certificate", () => {
    const host = "mx1.v6.test";
    const bad = pick(report("v6.test"), "CHK-MX-5", host, v6(host));
    expect(bad).toMatchObject({
      severity: "error",
      title:
        "Certificate not valid for MTA-STS: no SAN dNSName covers mx1.v6.test (the subject CN does not count)",
    });
    expect(bad.evidence).toContain(`mx1.v6.test ([${v6(host)}]:25): subject CN=wrong.v6.test`);
    expect(pick(report("v6.test"), "CHK-MX-5", host, v4(host))).toMatchObject({
      severity: "ok",
      title: "Certificate is trusted and names the host",
    });
    expect(pick(report("v6.test"), "CHK-MX-4", host, v6(host)).severity).toBe("ok");
  });

  it("an IPv6 address this server has no route to is untested with the reason, never ok", () => {
    const host = "mx2.v6.test";
    const r = pick(report("v6.test"), "CHK-MX-3", host, v6(host));
    expect(r).toMatchObject({
      severity: "untested",
      title: "Not tested: this server cannot reach IPv6 addresses",
    });
    expect(r.evidence).toMatch(/^mx2\.v6\.test \(\[2001:db8:5e5:[0-9a-f]+::1\]:25\): ENETUNREACH/);
    expect(r.evidence).toContain("The checker's network has no route for IPv6");
    for (const id of ["CHK-MX-4", "CHK-MX-5", "CHK-MX-7", "CHK-MX-8"]) {
      expect(pick(report("v6.test"), id, host, v6(host))).toMatchObject({
        severity: "untested",
        evidence: "mx2.v6.test: IPv6 is not reachable from this server",
      });
    }
    expect(pick(report("v6.test"), "CHK-MX-3", host, v4(host)).severity).toBe("ok");
    expect(pick(report("v6.test"), "CHK-MX-5", host, v4(host)).severity).toBe("ok");
  });

  it("a host whose addresses all pass has one ok result per address and id", () => {
    const host = "mx3.v6.test";
    for (const address of [v4(host), v6(host)]) {
      for (const id of ["CHK-MX-3", "CHK-MX-4", "CHK-MX-5", "CHK-MX-7", "CHK-MX-8"]) {
        expect(pick(report("v6.test"), id, host, address).severity).toBe("ok");
      }
    }
    // Host-level results carry no address.
    expect(pick(report("v6.test"), "CHK-MX-10", host).address).toBeUndefined();
  });

  it("counts exactly the problems seen: one error, five untested", () => {
    expect(report("v6.test").summary).toMatchObject({ error: 1, warning: 0, untested: 5 });
  });
});

describe("every address of the policy host (CHK-HOST-2…7)", () => {
  it("fetches the policy from the IPv4 and the IPv6 address", () => {
    const host = "mta-sts.v6.test";
    for (const address of [v4(host), v6(host)]) {
      expect(pick(report("v6.test"), "CHK-HOST-2", host, address).severity).toBe("ok");
      expect(pick(report("v6.test"), "CHK-HOST-4", host, address)).toMatchObject({
        severity: "ok",
        evidence: `https://mta-sts.v6.test/.well-known/mta-sts.txt (${address}): HTTP/1.1 200 OK`,
      });
    }
    expect(report("v6.test").mode).toBe("enforce");
  });

  it("CHK-HOST-4 error: the IPv6 address serves another policy", () => {
    const host = "mta-sts.v6-differs.test";
    expect(pick(report("v6-differs.test"), "CHK-HOST-4", host, v6(host))).toMatchObject({
      severity: "error",
      title: `Serves a different policy than ${v4(host)}`,
      fix: "Serve the same policy file from every address of mta-sts.v6-differs.test: senders fetch from any of them.",
    });
    expect(pick(report("v6-differs.test"), "CHK-HOST-4", host, v4(host)).severity).toBe("ok");
    // The policy judged is the one from the first address (IPv4).
    expect(report("v6-differs.test").mode).toBe("testing");
  });

  it("CHK-HOST-2 untested: the policy host's IPv6 address cannot be reached from here", () => {
    const host = "mta-sts.v6-noroute.test";
    const r = pick(report("v6-noroute.test"), "CHK-HOST-2", host, v6(host));
    expect(r).toMatchObject({
      severity: "untested",
      title: "Not tested: this server cannot reach IPv6 addresses",
    });
    expect(r.evidence).toContain("ENETUNREACH");
    expect(pick(report("v6-noroute.test"), "CHK-HOST-2", host, v4(host)).severity).toBe("ok");
  });
});

describe("the IPv6 lab", () => {
  it("removes the addresses and the route it added when the world stops", async () => {
    const world = await startTestWorld({
      domains: [{ name: "tmp6.test", mx: [{ host: "mx.tmp6.test", v6: {} }] }],
      smtpPort: 2525,
    });
    const address = world.ipv6Of("mx.tmp6.test") as string;
    const shown = () => execFileSync("ip", ["-6", "addr", "show", "dev", "lo"]).toString();
    expect(shown()).toContain(`${address}/128`);
    await world.stop();
    expect(shown()).not.toContain(`${address}/128`);
  });
});

describe("issue 16 §6: translatable texts", () => {
  it("every text of these runs has its ref in English and German, formatting to the stored English", () => {
    const audit = auditRefs([...reports.values()].flatMap((r) => r.results));
    expect(audit.problems).toEqual([]);
    expect(audit.refs).toBeGreaterThan(50);
  });
});
