// Step 4 and issue 15 item 5: the expected TLS-RPT record always lists this installation's
// address first (Microsoft sends reports only to the first rua), keeping the others; a
// published record with ours second is a mismatch that says why. Real DNS on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDnsServer, type DnsServerHandle } from "../../e2e/servers/dns-server";
import { createDnsClient, type DnsClient } from "@/lib/dns/resolver";
import { verifyDns } from "./verify-dns";

let server: DnsServerHandle;
let dns: DnsClient;
const OURS = "mailto:tlsrpt@sts.example.net";
const txt = (name: string, value: string) => ({ name, type: "TXT" as const, strings: [value] });

beforeAll(async () => {
  server = await startDnsServer([
    txt("_smtp._tls.second.test", `v=TLSRPTv1; rua=mailto:vendor@second.test,${OURS}`),
    txt("_smtp._tls.first.test", `v=TLSRPTv1; rua=${OURS},mailto:vendor@first.test`),
    txt("_smtp._tls.missing.test", "v=TLSRPTv1; rua=mailto:vendor@missing.test"),
  ]);
  dns = createDnsClient({ servers: [server.address], timeoutMs: 2000 });
});
afterAll(() => server?.close());

describe("step 4: the TLS-RPT record puts this installation's rua first", () => {
  it("ours second: mismatch, and the expected record moves ours to the front", async () => {
    const r = await verifyDns("second.test", null, [OURS], dns);
    expect(r.tlsRpt.status).toBe("mismatch");
    expect(r.tlsRpt.expected).toBe(`v=TLSRPTv1; rua=${OURS},mailto:vendor@second.test`);
    expect(r.tlsRpt.notes).toEqual([
      `mailto:vendor@second.test comes first in rua: Microsoft sends reports only to the first rua address, so put ${OURS} first`,
    ]);
  });

  it("ours first: match, the other destination kept and named", async () => {
    const r = await verifyDns("first.test", null, [OURS], dns);
    expect(r.tlsRpt.status).toBe("match");
    expect(r.tlsRpt.expected).toBe(`v=TLSRPTv1; rua=${OURS},mailto:vendor@first.test`);
    expect(r.tlsRpt.notes).toEqual(["Reports also go to mailto:vendor@first.test."]);
  });

  it("ours missing: mismatch naming it", async () => {
    const r = await verifyDns("missing.test", null, [OURS], dns);
    expect(r.tlsRpt.status).toBe("mismatch");
    expect(r.tlsRpt.expected).toBe(`v=TLSRPTv1; rua=${OURS},mailto:vendor@missing.test`);
    expect(r.tlsRpt.notes).toEqual([
      `rua does not include ${OURS}: reports will not reach this installation`,
    ]);
  });
});
