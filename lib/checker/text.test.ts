import { describe, expect, it } from "vitest";
import { formatIcu } from "../i18n/format-icu";
import { MESSAGES } from "../i18n/messages";
import { certProblems } from "./cert-info";
import { parseStsTxtRecord, selectStsTxtRecord } from "../mta-sts/txt-record";
import { auditRefs } from "./ref-audit";
import { diagnosticsResult, result, withTexts } from "./result";
import { ct } from "./text";

// Issue 16 §6: a check result's texts are built from one key of messages/en/checks.json, so
// the English the checker stores and the page's translation come from the same message.

type Tree = { [key: string]: string | Tree };
const message = (locale: "en" | "de", key: string): string | undefined => {
  let node: string | Tree | undefined = MESSAGES[locale].checks as unknown as Tree;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
};

describe("check texts (issue 16 §6)", () => {
  it("formats the same English as before the texts were translatable (CHK-TXT-8, CHK-MX-5)", () => {
    expect(ct("txt.ttlEvidence", { name: "_mta-sts.example.com", ttl: "90000" })).toEqual({
      text: "_mta-sts.example.com: TTL 90000 s",
      ref: { key: "txt.ttlEvidence", params: { name: "_mta-sts.example.com", ttl: "90000" } },
    });
    const both = certProblems(false, "CERT_HAS_EXPIRED", false);
    expect(ct("cert.mxInvalidFix", { ...both!, host: "mx1.example.com" }).text).toBe(
      "Install a publicly trusted, unexpired certificate on mx1.example.com whose subjectAltName lists mx1.example.com (or a *.parent wildcard), with the full chain. Problems: the certificate has expired; no SAN dNSName covers mx1.example.com (the subject CN does not count).",
    );
    const other = certProblems(false, "SOMETHING_ELSE", true);
    expect(ct("cert.policyInvalid", { ...other!, host: "mta-sts.example.com" }).text).toBe(
      "Policy host certificate not valid for senders: the chain does not validate (SOMETHING_ELSE)",
    );
    expect(certProblems(true, null, true)).toBeNull();
  });

  it("the same ref reads as German with the German catalogue, raw data untouched", () => {
    const { ref } = ct("coverage.notCoveredFix", { host: "mx3.example.com" });
    expect(formatIcu(message("de", ref.key) ?? "", ref.params)).toBe(
      'Fügen Sie "mx: mx3.example.com" zur Richtlinie hinzu (und ändern Sie dann die TXT-id): Im Erzwingungsmodus stellen Absender nicht an Hosts zu, die nicht aufgeführt sind.',
    );
  });

  it("keeps a ref only for catalogue texts; raw data stays a plain string without one", () => {
    const r = result("CHK-TXT-1", "ok", ct("txt.found"), '_mta-sts.example.com: "v=STSv1; id=1"');
    expect(r).toEqual({
      id: "CHK-TXT-1",
      severity: "ok",
      title: "MTA-STS record found",
      evidence: '_mta-sts.example.com: "v=STSv1; id=1"',
      fix: "",
      i18n: { title: { key: "txt.found" } },
    });
    expect(result("CHK-X-1", "info", "t", "e")).toEqual({
      id: "CHK-X-1",
      severity: "info",
      title: "t",
      evidence: "e",
      fix: "",
    });
  });

  it("withTexts replaces a text and its ref, keeping the others and the address", () => {
    const r = {
      ...result("CHK-HOST-4", "ok", ct("host.status200"), "200 OK", "", "h"),
      address: "192.0.2.1",
    };
    const next = withTexts(r, {
      severity: "error",
      title: ct("host.differentPolicy", { ip: "192.0.2.2" }),
    });
    expect(next).toEqual({
      id: "CHK-HOST-4",
      severity: "error",
      title: "Serves a different policy than 192.0.2.2",
      evidence: "200 OK",
      fix: "",
      target: "h",
      address: "192.0.2.1",
      i18n: { title: { key: "host.differentPolicy", params: { ip: "192.0.2.2" } } },
    });
  });

  it("has the keys the policy content check builds from its ids, in English and German", () => {
    const ids = Array.from({ length: 10 }, (_, i) => `CHK-POL-${i + 1}`);
    const keys = [
      ...ids.map((id) => `policy.titles.${id}`),
      ...["CHK-POL-1", "CHK-POL-2", "CHK-POL-4", "CHK-POL-5"].map((id) => `policy.fine.${id}`),
    ];
    for (const key of keys) {
      expect(message("en", key), key).toBeTruthy();
      expect(message("de", key), key).toBeTruthy();
    }
  });

  it("throws on a key the catalogue lacks (a cast that slipped past the type check)", () => {
    expect(() => ct("policy.titles.no-such-check" as never)).toThrow(
      "No check text policy.titles.no-such-check",
    );
  });

  it("CHK-TXT-3: a fix quoting record diagnostics keeps their refs, and they format to it", () => {
    const list = parseStsTxtRecord("v=STSv1; id=2024-05-17; foo=").diagnostics;
    const r = diagnosticsResult("CHK-TXT-3", ct("txt.syntax"), "raw", list);
    expect(r.severity).toBe("error");
    expect(r.fix).toBe(
      'The id "2024-05-17" is invalid: use 1 to 32 letters and digits only, for example a UTC timestamp like 20250301T120000Z. The value of "foo" is invalid: it must be 1 or more printable ASCII characters other than "=", ";" and space.',
    );
    expect(r.i18n?.fixDiagnostics).toEqual([
      { key: "STS-TXT-4.badId", params: { value: "2024-05-17" } },
      { key: "TXT-FIELDS.badValue", params: { name: "foo" } },
    ]);
    expect(auditRefs([r]).problems).toEqual([]);
    // A stored fix that differs from its diagnostics' English is caught.
    expect(auditRefs([{ ...r, fix: r.fix.slice(1) }]).problems).toHaveLength(1);
    // withTexts keeps the quoted diagnostics unless it replaces the fix.
    expect(withTexts(r, { severity: "warning" }).i18n?.fixDiagnostics).toHaveLength(2);
    expect(withTexts(r, { fix: "other" }).i18n?.fixDiagnostics).toBeUndefined();
  });

  it("CHK-TXT-2: without a ref for every diagnostic the fix stays as stored", () => {
    const list = selectStsTxtRecord([["v=STSv1; id=a"], ["v=STSv1; id=b"]]).diagnostics;
    const unkeyed = [...list, { id: "STS-TXT-7", severity: "error" as const, message: "x" }];
    expect(diagnosticsResult("CHK-TXT-2", ct("txt.several"), "raw", list).i18n).toEqual({
      title: { key: "txt.several" },
      fixDiagnostics: [{ key: "STS-TXT-7.severalRecords", params: { count: "2" } }],
    });
    expect(diagnosticsResult("CHK-TXT-2", ct("txt.several"), "raw", unkeyed).i18n).toEqual({
      title: { key: "txt.several" },
    });
  });
});
