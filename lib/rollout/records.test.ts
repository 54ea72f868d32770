import { describe, expect, it } from "vitest";
import { bindSnippet, ruaFromEnv } from "./records";

describe("records from configuration", () => {
  it("names the https endpoint and the mailbox", () => {
    expect(
      ruaFromEnv({
        STS_PUBLIC_URL: "https://sts.example.net/",
        STS_RUA_MAILTO: "tlsrpt@example.net",
      }),
    ).toEqual({
      uris: ["https://sts.example.net/api/reports/tlsrpt", "mailto:tlsrpt@example.net"],
      problems: [],
      problemRefs: [],
    });
  });
  it("refuses http and bad addresses with a reason, and says nothing when unset", () => {
    const r = ruaFromEnv({ STS_PUBLIC_URL: "http://sts.example.net", STS_RUA_MAILTO: "nobody" });
    expect(r.uris).toEqual([]);
    expect(r.problems).toHaveLength(2);
    expect(r.problemRefs).toEqual([
      { key: "publicUrlNotHttps", params: { protocol: "http:" } },
      { key: "ruaMailtoInvalid", params: { mailbox: "nobody" } },
    ]);
    expect(ruaFromEnv({})).toEqual({ uris: [], problems: [], problemRefs: [] });
  });
  it("writes a BIND snippet", () => {
    expect(bindSnippet("example.org", "20250301T120000Z", ["mailto:r@example.org"])).toBe(
      '; MTA-STS and TLS-RPT for example.org\n_mta-sts.example.org.  300  IN TXT "v=STSv1; id=20250301T120000Z"\n_smtp._tls.example.org.  3600  IN TXT "v=TLSRPTv1; rua=mailto:r@example.org"\n',
    );
  });
});
