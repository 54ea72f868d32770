// §14.4 against real SMTP servers on loopback (e2e/servers): every MX host, STARTTLS, certificates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pick, startLab, type Lab } from "../../e2e/servers/lab-check";
import { auditRefs } from "./ref-audit";
import type { CheckReport } from "./types";

let lab: Lab;
let good: CheckReport;
let bad: CheckReport;
let testing: CheckReport;

beforeAll(async () => {
  lab = await startLab();
  [good, bad, testing] = await Promise.all([
    lab.check("good.test", { dkimSelectors: ["s1"] }),
    lab.check("bad-mx.test"),
    lab.check("testing.test"),
  ]);
});
afterAll(() => lab?.stop());

const T = (label: string) => `${label}.bad-mx.test`;

describe("a well-configured domain", () => {
  it("has no errors, warnings or untested results", () => {
    expect(good.summary).toMatchObject({ error: 0, warning: 0, untested: 0 });
    expect(good.mode).toBe("enforce");
  });

  it("shows TLS version and certificate details as evidence (CHK-MX-4, CHK-MX-5)", () => {
    expect(pick(good, "CHK-MX-4", "mx1.good.test")).toMatchObject({
      severity: "ok",
      title: "TLSv1.3 negotiated",
    });
    const cert = pick(good, "CHK-MX-5", "mx1.good.test");
    expect(cert.severity).toBe("ok");
    expect(cert.evidence).toMatch(
      /subject CN=mx1\.good\.test; SAN mx1\.good\.test; issuer CN=STS Rollout Test CA; expires .* \(89 days\)/,
    );
  });

  it("CHK-MX-8: reports a host that still accepts TLS 1.0/1.1 as info", () => {
    expect(pick(good, "CHK-MX-8", "mx2.good.test")).toMatchObject({
      severity: "info",
      title: "Still accepts TLSv1.1",
    });
    expect(pick(good, "CHK-MX-8", "mx1.good.test")).toMatchObject({
      severity: "ok",
      title: "TLS 1.0/1.1 refused",
    });
  });

  it("CHK-MX-10: shows DANE TLSA usages as info", () => {
    const dane = pick(good, "CHK-MX-10", "mx1.good.test");
    expect(dane).toMatchObject({ severity: "info", title: "DANE TLSA records present" });
    expect(dane.evidence).toBe(
      "_25._tcp.mx1.good.test: TLSA 3 1 1 (DNSSEC not validated by the checker)",
    );
  });
});

describe("broken MX hosts (enforce policy)", () => {
  it.each([
    ["expired", "Certificate not valid for MTA-STS: the certificate has expired"],
    [
      "wrongname",
      "Certificate not valid for MTA-STS: no SAN dNSName covers wrongname.bad-mx.test (the subject CN does not count)",
    ],
    ["selfsigned", "Certificate not valid for MTA-STS: the certificate is self-signed"],
    [
      "cnonly",
      "Certificate not valid for MTA-STS: no SAN dNSName covers cnonly.bad-mx.test (the subject CN does not count)",
    ],
  ])("CHK-MX-5 error: %s certificate", (label, title) => {
    expect(pick(bad, "CHK-MX-5", T(label))).toMatchObject({ severity: "error", title });
  });

  it("CHK-MX-5 error: a partial-label wildcard (mx*.…) does not cover the host, unlike Node's default", () => {
    const r = pick(bad, "CHK-MX-5", "mx1.partial.bad-mx.test");
    expect(r.severity).toBe("error");
    expect(r.evidence).toContain("SAN mx*.partial.bad-mx.test");
  });

  it("CHK-MX-3 error: STARTTLS not offered, later checks untested", () => {
    expect(pick(bad, "CHK-MX-3", T("nostarttls"))).toMatchObject({
      severity: "error",
      title: "STARTTLS not offered",
    });
    expect(pick(bad, "CHK-MX-5", T("nostarttls"))).toMatchObject({
      severity: "untested",
      evidence: "STARTTLS is not offered",
    });
  });

  it("CHK-MX-3 error: port 25 refused", () => {
    expect(pick(bad, "CHK-MX-3", T("closed"))).toMatchObject({
      severity: "error",
      title: "Port 25 refused",
    });
  });

  it("CHK-MX-3 error: MX host without an address", () => {
    const r = pick(bad, "CHK-MX-3", "nxhost.bad-mx.test");
    expect(r).toMatchObject({ severity: "error", title: "MX host does not resolve" });
    expect(r.evidence).toBe("nxhost.bad-mx.test: the name does not exist (NXDOMAIN)");
  });

  it("CHK-MX-4 error: TLS 1.0 only", () => {
    const r = pick(bad, "CHK-MX-4", T("tls10"));
    expect(r).toMatchObject({ severity: "error", title: "Only TLSv1 offered" });
    expect(r.evidence).toContain("The server only agreed to TLSv1.");
  });

  it("CHK-MX-4 error: STARTTLS answered with 454", () => {
    const r = pick(bad, "CHK-MX-4", T("refuses454"));
    expect(r).toMatchObject({ severity: "error", title: "STARTTLS command rejected" });
    expect(r.evidence).toContain("STARTTLS → 454 4.7.0 TLS not available");
  });

  it("a silent host is untested, never a pass (CHK-MX-3)", () => {
    const r = pick(bad, "CHK-MX-3", T("blackhole"));
    expect(r).toMatchObject({
      severity: "untested",
      title: "Could not test port 25 (banner timeout)",
    });
    expect(pick(bad, "CHK-MX-5", T("blackhole")).severity).toBe("untested");
  });

  it("CHK-MX-6 warning: certificate expires within 14 days", () => {
    expect(pick(bad, "CHK-MX-6", T("soon"))).toMatchObject({
      severity: "warning",
      title: "Certificate expires in 4 days",
    });
  });

  it("CHK-MX-7 warning: no certificate without SNI", () => {
    expect(pick(bad, "CHK-MX-7", T("snionly")).severity).toBe("warning");
    expect(pick(bad, "CHK-MX-5", T("snionly")).severity).toBe("ok");
  });

  it("CHK-MX-4 error: the server drops the connection at EHLO after STARTTLS (TLS-3)", () => {
    const r = pick(bad, "CHK-MX-4", T("droptls"));
    expect(r).toMatchObject({ severity: "error", title: "EHLO after STARTTLS failed" });
    expect(r.evidence).toBe(
      `droptls.bad-mx.test (${lab.world.ipOf(T("droptls"))}:25): TLSv1.3 negotiated, then EHLO over TLS → the server closed the connection`,
    );
    expect(r.fix).toContain("senders repeat EHLO over TLS (RFC 3207 §4.2)");
    expect(pick(bad, "CHK-MX-3", T("droptls")).severity).toBe("ok");
    // The certificate was seen during the handshake and is still judged.
    expect(pick(bad, "CHK-MX-5", T("droptls")).severity).toBe("ok");
  });

  it("CHK-MX-3 error: an endless 250- reply to EHLO is cut at the line cap (issue 11)", () => {
    const r = pick(bad, "CHK-MX-3", T("endless"));
    expect(r).toMatchObject({ severity: "error", title: "Broken SMTP reply" });
    expect(r.evidence).toBe(
      `endless.bad-mx.test (${lab.world.ipOf(T("endless"))}:25): ehlo: reply has more than 200 lines without a final line`,
    );
    expect(pick(bad, "CHK-MX-4", T("endless"))).toMatchObject({
      severity: "untested",
      evidence: "the SMTP reply was broken",
    });
  });

  it("CHK-MX-3 error: a 1 MiB banner line is cut at 64 KiB (issue 11)", () => {
    const r = pick(bad, "CHK-MX-3", T("hugeline"));
    expect(r).toMatchObject({ severity: "error", title: "Broken SMTP reply" });
    expect(r.evidence).toBe(
      `hugeline.bad-mx.test (${lab.world.ipOf(T("hugeline"))}:25): banner: reply line longer than 65536 bytes`,
    );
  });

  it("every MX result names the address it is about", () => {
    const perAddress = ["CHK-MX-3", "CHK-MX-4", "CHK-MX-5", "CHK-MX-6", "CHK-MX-7", "CHK-MX-8"];
    const mx = bad.results.filter((r) => r.target === T("expired") && perAddress.includes(r.id));
    expect(mx.map((r) => r.address)).toEqual(mx.map(() => lab.world.ipOf(T("expired"))));
    expect(mx.length).toBeGreaterThanOrEqual(5);
  });

  it("CHK-MX-1 error: MX host not in the policy; CHK-MX-2 info: stale pattern", () => {
    expect(pick(bad, "CHK-MX-1", T("uncovered"))).toMatchObject({
      severity: "error",
      title: "MX host not covered by the policy",
    });
    expect(pick(bad, "CHK-MX-2", "old.bad-mx.test")).toMatchObject({
      severity: "info",
      title: "Policy pattern matches no current MX",
    });
  });
});

describe("mode-aware severities (testing mode)", () => {
  it("turns CHK-MX-1 and CHK-MX-3 errors into warnings", () => {
    expect(testing.mode).toBe("testing");
    expect(pick(testing, "CHK-MX-3", "nostarttls.bad-mx.test").severity).toBe("warning");
    expect(pick(testing, "CHK-MX-1", "mx1.good.test").severity).toBe("warning");
  });

  it("CHK-RPT-1 error: no TLS-RPT record while in testing mode", () => {
    expect(pick(testing, "CHK-RPT-1")).toMatchObject({
      severity: "error",
      title: "No TLS-RPT record while MTA-STS is in testing mode",
    });
  });
});

describe("issue 16 §6: translatable texts", () => {
  it("every text of these runs has its ref in English and German, formatting to the stored English", () => {
    const audit = auditRefs([good, bad, testing].flatMap((r) => r.results));
    expect(audit.problems).toEqual([]);
    expect(audit.refs).toBeGreaterThan(100);
  });
});
