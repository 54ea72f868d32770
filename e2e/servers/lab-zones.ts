// Test domains for the configuration checker: one good domain and one real misconfiguration
// per CHK check. Used by lib/checker tests; reusable by the wizard's e2e tests.
import type { DomainSpec, MxSpec } from "./world";

export const policyText = (mode: string, mx: string[], maxAge = 604800): string =>
  ["version: STSv1", `mode: ${mode}`, ...mx.map((m) => `mx: ${m}`), `max_age: ${maxAge}`, ""].join(
    "\n",
  );

export const STS = ["v=STSv1; ", "id=20250301T120000Z"]; // split into two strings (STS-TXT-9)
const RPT = "v=TLSRPTv1; rua=mailto:tlsrpt@good.test";

/** A domain whose only interesting part is its policy host / policy file. */
export function policyDomain(name: string, spec: Omit<DomainSpec, "name">): DomainSpec {
  return { stsTxt: [STS], tlsRpt: [RPT], ...spec, name };
}

/** MX hosts of bad-mx.test, each broken in one way; the key is the host's first label. */
export const BAD_MX: Record<string, MxSpec> = {
  expired: { host: "expired.bad-mx.test", cert: "expired" },
  wrongname: { host: "wrongname.bad-mx.test", cert: "wrong-name" },
  selfsigned: { host: "selfsigned.bad-mx.test", cert: "self-signed" },
  cnonly: { host: "cnonly.bad-mx.test", cert: "cn-only" },
  partial: { host: "mx1.partial.bad-mx.test", cert: "partial-wildcard" },
  nostarttls: { host: "nostarttls.bad-mx.test", smtp: { starttls: false } },
  tls10: {
    host: "tls10.bad-mx.test",
    smtp: { minVersion: "TLSv1", maxVersion: "TLSv1", ciphers: "DEFAULT@SECLEVEL=0" },
  },
  refuses454: {
    host: "refuses454.bad-mx.test",
    smtp: { starttlsReply: "454 4.7.0 TLS not available" },
  },
  closed: { host: "closed.bad-mx.test", smtp: null },
  blackhole: { host: "blackhole.bad-mx.test", smtp: { blackhole: true } },
  soon: { host: "soon.bad-mx.test", cert: "expiring-soon" },
  snionly: { host: "snionly.bad-mx.test", smtp: { requireSni: true } },
  uncovered: { host: "uncovered.bad-mx.test" },
  // Completes STARTTLS, then drops the connection at the EHLO over TLS (TLS-3).
  droptls: { host: "droptls.bad-mx.test", smtp: { dropAfterStarttls: true } },
  // Hostile servers (issue 11): an endless "250-" reply to EHLO, and a 1 MiB banner line.
  endless: { host: "endless.bad-mx.test", smtp: { hostile: "endless-reply" } },
  hugeline: { host: "hugeline.bad-mx.test", smtp: { hostile: "huge-line" } },
};

const badMxHosts = Object.values(BAD_MX).map((m) => m.host);

export const LAB_DOMAINS: DomainSpec[] = [
  {
    name: "good.test",
    mx: [
      { host: "mx1.good.test" },
      { host: "mx2.good.test", smtp: { minVersion: "TLSv1", ciphers: "DEFAULT@SECLEVEL=0" } },
    ],
    policy: { behaviour: { body: policyText("enforce", ["mx1.good.test", "mx2.good.test"]) } },
    stsTxt: [STS],
    tlsRpt: [RPT],
    records: [
      { name: "good.test", type: "TXT", strings: ["v=spf1 mx -all"] },
      {
        name: "_dmarc.good.test",
        type: "TXT",
        strings: ["v=DMARC1; p=reject; rua=mailto:d@good.test"],
      },
      {
        name: "s1._domainkey.good.test",
        type: "TXT",
        strings: ["v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"],
      },
      {
        name: "_25._tcp.mx1.good.test",
        type: "TLSA",
        usage: 3,
        selector: 1,
        matchingType: 1,
        data: "ab".repeat(32),
      },
    ],
  },
  {
    name: "bad-mx.test",
    mx: [...Object.values(BAD_MX)],
    policy: {
      behaviour: {
        body: policyText("enforce", [
          ...badMxHosts.filter((h) => !h.startsWith("uncovered")),
          "nxhost.bad-mx.test",
          "old.bad-mx.test",
        ]),
      },
    },
    stsTxt: [STS],
    tlsRpt: [RPT],
    records: [{ name: "bad-mx.test", type: "MX", priority: 99, exchange: "nxhost.bad-mx.test" }],
  },
  {
    name: "testing.test",
    mx: [{ host: "nostarttls.bad-mx.test", smtp: { starttls: false } }, { host: "mx1.good.test" }],
    policy: { behaviour: { body: policyText("testing", ["nostarttls.bad-mx.test"], 86400) } },
    stsTxt: [STS],
  },
  // §14.1 `_mta-sts`
  { name: "txt-two.test", stsTxt: ["v=STSv1; id=a", "v=STSv1; id=b"] },
  { name: "txt-bad.test", stsTxt: ["v=STSv1; id=2024-05-17"] },
  {
    name: "apex.test",
    records: [{ name: "apex.test", type: "TXT", strings: ["v=STSv1; id=abc"] }],
  },
  { name: "txt-ttl.test", stsTxt: ["v=STSv1; id=abc"], stsTxtTtl: 172800 },
  {
    name: "txt-cname.test",
    records: [
      { name: "_mta-sts.txt-cname.test", type: "CNAME", target: "_mta-sts.provider.test" },
      { name: "_mta-sts.provider.test", type: "TXT", strings: ["v=STSv1; id=provider1"] },
    ],
  },
  // §14.2 Policy host and fetch
  policyDomain("pol-nohost.test", {}),
  policyDomain("pol-expired.test", {
    policy: { cert: "expired", behaviour: { body: policyText("testing", ["mx.example"]) } },
  }),
  policyDomain("pol-wrongname.test", {
    policy: { cert: "wrong-name", behaviour: { body: policyText("testing", ["mx.example"]) } },
  }),
  policyDomain("pol-cnonly.test", {
    policy: { cert: "cn-only", behaviour: { body: policyText("testing", ["mx.example"]) } },
  }),
  policyDomain("pol-selfsigned.test", {
    policy: { cert: "self-signed", behaviour: { body: policyText("testing", ["mx.example"]) } },
  }),
  policyDomain("pol-soon.test", {
    policy: { cert: "expiring-soon", behaviour: { body: policyText("testing", ["mx.example"]) } },
  }),
  policyDomain("pol-redirect.test", {
    policy: { behaviour: { redirectTo: "https://www.pol-redirect.test/.well-known/mta-sts.txt" } },
  }),
  policyDomain("pol-404.test", { policy: { behaviour: { status: 404, body: "not here" } } }),
  policyDomain("pol-html.test", {
    policy: {
      behaviour: { contentType: "text/html", body: policyText("testing", ["mx.example"]) },
    },
  }),
  policyDomain("pol-oversize.test", { policy: { behaviour: { oversizeBytes: 70_000 } } }),
  policyDomain("pol-big.test", { policy: { behaviour: { oversizeBytes: 5_000 } } }),
  policyDomain("pol-slow.test", {
    policy: { behaviour: { delayMs: 700, body: policyText("testing", ["mx.example"]) } },
  }),
  policyDomain("pol-timeout.test", {
    policy: { behaviour: { delayMs: 4_000, body: policyText("testing", ["mx.example"]) } },
  }),
  policyDomain("pol-cname.test", {
    policy: {
      cnameTo: "sts.provider.test",
      cert: { sans: ["mta-sts.provider.test"] },
      behaviour: { body: policyText("testing", ["mx.example"]) },
    },
  }),
  policyDomain("pol-cname-ok.test", {
    policy: {
      cnameTo: "sts2.provider.test",
      behaviour: { body: policyText("testing", ["mx.example"]) },
    },
  }),
  // §14.3 Policy content
  policyDomain("pol-nomode.test", {
    policy: { behaviour: { body: "version: STSv1\nmx: mx.example\nmax_age: 86400\n" } },
  }),
  policyDomain("pol-blank.test", {
    policy: {
      behaviour: { body: "version: STSv1\n\nmode: testing\nmx: mx.example\nmax_age: 86400\n" },
    },
  }),
  policyDomain("pol-keycase.test", {
    policy: {
      behaviour: { body: "version: STSv1\nMode: enforce\nmx: mx.example\nmax_age: 86400\n" },
    },
  }),
  policyDomain("pol-maxage.test", {
    policy: { behaviour: { body: policyText("enforce", ["mx.example"], 31557601) } },
  }),
  policyDomain("pol-mxdot.test", {
    policy: { behaviour: { body: policyText("enforce", ["mx.example."]) } },
  }),
  policyDomain("pol-conflict.test", {
    policy: {
      behaviour: {
        body: "version: STSv1\nmode: testing\nmode: enforce\nmx: mx.example\nmax_age: 86400\n",
      },
    },
  }),
  policyDomain("pol-none-long.test", {
    policy: { behaviour: { body: policyText("none", [], 604800) } },
  }),
  // §14.5 TLS-RPT
  {
    name: "rpt-two.test",
    tlsRpt: ["v=TLSRPTv1; rua=mailto:a@good.test", "v=TLSRPTv1; rua=mailto:b@good.test"],
  },
  { name: "rpt-scheme.test", tlsRpt: ["v=TLSRPTv1; rua=http://reports.good.test/tlsrpt"] },
  { name: "rpt-nullmx.test", tlsRpt: ["v=TLSRPTv1; rua=mailto:tlsrpt@nullmx.test"] },
  { name: "rpt-nomail.test", tlsRpt: ["v=TLSRPTv1; rua=mailto:tlsrpt@nowhere.test"] },
  {
    name: "rpt-multi.test",
    tlsRpt: ["v=TLSRPTv1; rua=mailto:a@good.test; rua=mailto:b@good.test"],
  },
  // CHK-RPT-8 (issue 15): this installation's address second, and first.
  {
    name: "rpt-second.test",
    tlsRpt: ["v=TLSRPTv1; rua=mailto:vendor@good.test,mailto:tlsrpt@good.test"],
  },
  {
    name: "rpt-first.test",
    tlsRpt: ["v=TLSRPTv1; rua=mailto:TLSRPT@good.test,mailto:vendor@good.test"],
  },
  {
    name: "rpt-draft.test",
    records: [{ name: "_smtp-tlsrpt.rpt-draft.test", type: "TXT", strings: [RPT] }],
  },
  // Null MX: accepts no mail (also the target of rpt-nullmx.test's rua).
  {
    name: "nullmx.test",
    policy: { behaviour: { body: policyText("testing", ["mx.example"]) } },
    stsTxt: [STS],
    records: [{ name: "nullmx.test", type: "MX", priority: 0, exchange: "" }],
  },
  // CHK-AUTH-*
  {
    name: "auth-bad.test",
    records: [
      { name: "auth-bad.test", type: "TXT", strings: ["v=spf1 mx -all"] },
      { name: "auth-bad.test", type: "TXT", strings: ["v=spf1 a ~all"] },
      { name: "_dmarc.auth-bad.test", type: "TXT", strings: ["v=DMARC1; p=maybe"] },
      { name: "old._domainkey.auth-bad.test", type: "TXT", strings: ["v=DKIM1; p="] },
    ],
  },
  // Safety: addresses the checker must refuse to contact by default.
  {
    name: "private.test",
    mx: [
      { host: "mx.private.test", address: "10.0.0.25" },
      { host: "meta.private.test", address: "169.254.169.254" },
    ],
    policy: { address: "100.64.0.1", behaviour: {} },
    stsTxt: [STS],
  },
  // Every host accepts TCP and says nothing.
  {
    name: "blackhole.test",
    mx: ["a", "b", "c", "d"].map((l) => ({
      host: `${l}.blackhole.test`,
      smtp: { blackhole: true },
    })),
  },
];
