// Lab domains with IPv6 addresses (issue 12, "every address"), for lib/checker tests.
import { policyDomain, policyText, STS } from "./lab-zones";
import type { DomainSpec } from "./world";

/**
 * Every address (issue 12): hosts with an A and an AAAA address, each served by its own
 * server. Kept apart from LAB_DOMAINS because they add IPv6 addresses to `lo` (root).
 */
export const LAB_V6_DOMAINS: DomainSpec[] = [
  {
    name: "v6.test",
    mx: [
      // IPv4 fine, IPv6 presents a certificate for another name.
      { host: "mx1.v6.test", v6: { cert: "wrong-name" } },
      // IPv6 address in a prefix this machine has no route to.
      { host: "mx2.v6.test", v6: { unroutable: true } },
      // Both fine.
      { host: "mx3.v6.test", v6: {} },
    ],
    policy: {
      behaviour: { body: policyText("enforce", ["mx1.v6.test", "mx2.v6.test", "mx3.v6.test"]) },
      v6: {},
    },
    stsTxt: [STS],
    tlsRpt: ["v=TLSRPTv1; rua=mailto:tlsrpt@v6.test"],
    records: [
      { name: "v6.test", type: "TXT", strings: ["v=spf1 mx -all"] },
      { name: "_dmarc.v6.test", type: "TXT", strings: ["v=DMARC1; p=reject"] },
    ],
  },
  // The policy host's IPv6 address serves another policy than its IPv4 address.
  policyDomain("v6-differs.test", {
    policy: {
      behaviour: { body: policyText("testing", ["mx.example"]) },
      v6: { behaviour: { body: policyText("enforce", ["mx.example"]) } },
    },
  }),
  // The policy host's IPv6 address cannot be reached from here.
  policyDomain("v6-noroute.test", {
    policy: {
      behaviour: { body: policyText("testing", ["mx.example"]) },
      v6: { unroutable: true },
    },
  }),
];
