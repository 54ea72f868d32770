// RPT-DELIV-7: DKIM verification of report mail through the app's DNS client against a lab
// DNS server that publishes the test keys, and the alignment rule (report-auth.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDnsServer, type DnsServerHandle } from "@/e2e/servers/dns-server";
import { createDnsClient } from "@/lib/dns/resolver";
import { asReportKey, dkimResolver, keyServices, verifyDkim, type DkimResolver } from "./dkim";
import { signMessage, testDkimKey } from "./dkim-test-keys";
import { authLabel, isQuarantined, orgDomain, quarantineReason, reportAuth } from "./report-auth";

const google = testDkimKey("google.com", "20230601");
const attacker = testDkimKey("attacker.example");
const emailOnly = testDkimKey("google.com", "email", "s=email;");
const tlsrpt = testDkimKey("google.com", "tlsrpt", "s=tlsrpt;");
let dns: DnsServerHandle;
let resolver: DkimResolver;

const MESSAGE = Buffer.from(
  [
    "From: noreply-smtp-tls-reporting@google.com",
    "To: tlsrpt@example.com",
    "Subject: Report Domain: example.com Submitter: google.com Report-ID: <r1@google.com>",
    "TLS-Report-Domain: example.com",
    "TLS-Report-Submitter: google.com",
    "Date: Mon, 30 Nov 2026 10:00:00 +0000",
    "Message-ID: <r1@google.com>",
    "",
    "This is an aggregate TLS report from google.com",
    "",
  ].join("\r\n"),
);
const GOOGLE = { submitterDomain: "google.com", contactInfo: "smtp-tls-reporting@google.com" };

beforeAll(async () => {
  dns = await startDnsServer([google.record, attacker.record, emailOnly.record, tlsrpt.record]);
  resolver = dkimResolver(createDnsClient({ servers: [dns.address], timeoutMs: 2000 }));
});
afterAll(async () => {
  await dns.close();
});

describe("RPT-DELIV-7 DKIM verification", () => {
  it("a signature made with the key the lab DNS publishes passes, with its d=", async () => {
    const v = await verifyDkim(await signMessage(MESSAGE, google), resolver);
    expect(v).toEqual({ passed: ["google.com"], failed: [] });
    expect(reportAuth(v, GOOGLE)).toEqual({ auth: "pass", authDomain: "google.com" });
  });

  it("the same message with one changed body byte fails", async () => {
    const signed = await signMessage(MESSAGE, google);
    const tampered = Buffer.from(signed.toString().replace("aggregate", "aggregatE"));
    const v = await verifyDkim(tampered, resolver);
    expect(v).toEqual({ passed: [], failed: ["google.com"] });
    expect(reportAuth(v, GOOGLE)).toEqual({ auth: "fail", authDomain: "google.com" });
  });

  it("an unsigned message is none; a key missing from DNS is a failure", async () => {
    expect(reportAuth(await verifyDkim(MESSAGE, resolver), GOOGLE)).toEqual({
      auth: "none",
      authDomain: null,
    });
    const stray = await signMessage(MESSAGE, testDkimKey("google.com", "unpublished"));
    expect(await verifyDkim(stray, resolver)).toEqual({ passed: [], failed: ["google.com"] });
  });

  it("a valid signature from another organisation is not aligned with a Google report", async () => {
    const v = await verifyDkim(await signMessage(MESSAGE, attacker), resolver);
    expect(v).toEqual({ passed: ["attacker.example"], failed: [] });
    expect(reportAuth(v, GOOGLE)).toEqual({ auth: "unaligned", authDomain: "attacker.example" });
    // Aligned for a report that names attacker.example as its reporter.
    expect(reportAuth(v, { submitterDomain: "attacker.example", contactInfo: null })).toEqual({
      auth: "pass",
      authDomain: "attacker.example",
    });
  });
});

describe("RPT-DELIV-7 s=tlsrpt (STS_DKIM_REQUIRE_TLSRPT)", () => {
  it("off (the default): a key for email only still passes; on: only a tlsrpt or * key passes", async () => {
    expect(keyServices("v=DKIM1; k=rsa; s=email:tlsrpt; p=x")).toEqual(["email", "tlsrpt"]);
    expect(keyServices("v=DKIM1; p=x")).toEqual(["*"]);
    // A tlsrpt-only key is offered to mailauth (which verifies for "email") as both.
    expect(asReportKey("v=DKIM1; k=rsa; s=tlsrpt; p=x")).toBe(
      "v=DKIM1; k=rsa; s=tlsrpt:email; p=x",
    );
    expect(asReportKey("v=DKIM1; s=email; p=x")).toBe("v=DKIM1; s=email; p=x");
    const byEmail = await signMessage(MESSAGE, emailOnly);
    const byTlsrpt = await signMessage(MESSAGE, tlsrpt);
    const byAny = await signMessage(MESSAGE, google);
    const on = { requireTlsrptService: true };
    expect(await verifyDkim(byEmail, resolver)).toEqual({ passed: ["google.com"], failed: [] });
    expect(await verifyDkim(byEmail, resolver, on)).toEqual({ passed: [], failed: ["google.com"] });
    expect(await verifyDkim(byTlsrpt, resolver)).toEqual({ passed: ["google.com"], failed: [] });
    expect(await verifyDkim(byTlsrpt, resolver, on)).toEqual({
      passed: ["google.com"],
      failed: [],
    });
    expect(await verifyDkim(byAny, resolver, on)).toEqual({ passed: ["google.com"], failed: [] });
  });
});

describe("RPT-DELIV-7 alignment and labels", () => {
  it("aligns on the organisational domain of the submitter or of contact-info", () => {
    expect(orgDomain("mail.google.com")).toBe("google.com");
    expect(orgDomain("mail.example.co.uk")).toBe("example.co.uk");
    const sub = { passed: ["mail.google.com"], failed: [] };
    expect(reportAuth(sub, GOOGLE).auth).toBe("pass");
    const ms = { passed: ["microsoft.com"], failed: [] };
    const msReport = { submitterDomain: null, contactInfo: "tlsrpt-noreply@microsoft.com" };
    expect(reportAuth(ms, msReport)).toEqual({ auth: "pass", authDomain: "microsoft.com" });
    // Same public suffix is not the same organisation.
    const other = { passed: ["other.co.uk"], failed: [] };
    const co = { submitterDomain: "example.co.uk", contactInfo: null };
    expect(reportAuth(other, co).auth).toBe("unaligned");
  });

  it("quarantines mail without an aligned pass unless the reporter was accepted", () => {
    expect(isQuarantined({ channel: "imap", auth: "pass", accepted: false })).toBe(false);
    expect(isQuarantined({ channel: "imap", auth: "fail", accepted: false })).toBe(true);
    expect(isQuarantined({ channel: "imap", auth: "fail", accepted: true })).toBe(false);
    expect(isQuarantined({ channel: "https", auth: "unauthenticated", accepted: false })).toBe(
      false,
    );
  });

  it("names each result as the badge and the quarantine list show it", () => {
    const l = (channel: string, auth: string, authDomain: string | null = null) =>
      authLabel({ channel, auth, authDomain });
    expect(l("imap", "pass", "google.com")).toBe("DKIM pass google.com");
    expect(l("imap", "unaligned", "attacker.example")).toBe(
      "DKIM pass attacker.example, not aligned",
    );
    expect(l("imap", "fail", "google.com")).toBe("DKIM fail");
    expect(l("imap", "none")).toBe("unsigned");
    expect(l("https", "unauthenticated")).toBe("HTTPS, unauthenticated");
    expect(l("upload", "unauthenticated")).toBe("upload, unauthenticated");
    expect(quarantineReason({ auth: "unaligned", authDomain: "attacker.example" })).toBe(
      "DKIM pass but not aligned with the reporter (d=attacker.example)",
    );
    expect(quarantineReason({ auth: "fail", authDomain: "google.com" })).toBe(
      "DKIM fail (d=google.com)",
    );
    expect(quarantineReason({ auth: "none", authDomain: null })).toBe(
      "unsigned (no DKIM signature)",
    );
  });
});
