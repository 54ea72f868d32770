import { describe, expect, it } from "vitest";
import { parseTlsRptRecord, selectTlsRptRecord } from "./tlsrpt-record";

const codes = (record: string) =>
  parseTlsRptRecord(record).diagnostics.map((d) => `${d.severity}:${d.id}`);

describe("parseTlsRptRecord (RPT-TXT-10)", () => {
  it("RPT-TXT-2: a single mailto destination", () => {
    expect(parseTlsRptRecord("v=TLSRPTv1; rua=mailto:tlsrpt@example.com")).toEqual({
      valid: true,
      rua: [
        {
          scheme: "mailto",
          uri: "mailto:tlsrpt@example.com",
          address: "tlsrpt@example.com",
          domain: "example.com",
        },
      ],
      extensions: [],
      diagnostics: [],
    });
  });

  it("RPT-TXT-2: mailto and https in one list, no spaces", () => {
    const r = parseTlsRptRecord(
      "v=TLSRPTv1;rua=mailto:a@example.com,https://r.example.net/v1/tlsrpt",
    );
    expect(r.valid).toBe(true);
    expect(r.rua).toEqual([
      {
        scheme: "mailto",
        uri: "mailto:a@example.com",
        address: "a@example.com",
        domain: "example.com",
      },
      {
        scheme: "https",
        uri: "https://r.example.net/v1/tlsrpt",
        url: "https://r.example.net/v1/tlsrpt",
        domain: "r.example.net",
      },
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it("RPT-TXT-2: whitespace around commas, an extension and a trailing ';'", () => {
    const r = parseTlsRptRecord(
      "v=TLSRPTv1; rua=mailto:a@example.com , https://r.example:8443/x ; ext=1;",
    );
    expect(r.valid).toBe(true);
    expect(r.rua.map((d) => d.domain)).toEqual(["example.com", "r.example"]);
    expect(r.extensions).toEqual([["ext", "1"]]);
    expect(r.diagnostics).toMatchObject([
      {
        id: "RPT-TXT-2",
        severity: "info",
        message: 'The field "ext" is not defined by RFC 8460; reporters ignore it.',
      },
    ]);
  });

  it("RPT-TXT-2: a record with no rua is invalid", () => {
    expect(parseTlsRptRecord("v=TLSRPTv1").diagnostics).toMatchObject([
      {
        id: "RPT-TXT-2",
        severity: "error",
        message:
          'The record has no rua field: add "rua=mailto:tlsrpt@your-domain" so reporters know where to send reports.',
      },
    ]);
    expect(codes("v=TLSRPTv1; xyz=foo")).toEqual(["info:RPT-TXT-2", "error:RPT-TXT-2"]);
  });

  it("RPT-TXT-3: a bare address has no scheme", () => {
    expect(parseTlsRptRecord("v=TLSRPTv1; rua=a@example.com")).toMatchObject({
      valid: false,
      rua: [],
      diagnostics: [
        {
          id: "RPT-TXT-3",
          severity: "error",
          message:
            '"a@example.com" has no scheme: use a mailto: or https: URI. Write "mailto:a@example.com".',
        },
      ],
    });
  });

  it("RPT-TXT-3: http is not allowed", () => {
    expect(parseTlsRptRecord("v=TLSRPTv1; rua=http://r.example/x").diagnostics).toMatchObject([
      {
        id: "RPT-TXT-3",
        severity: "error",
        message:
          '"http://r.example/x" uses the scheme "http:": only mailto: and https: are defined. Plain http: is not allowed; use https:.',
      },
    ]);
  });

  it("RPT-TXT-2: the version is case-sensitive and '=' takes no whitespace", () => {
    expect(codes("V=TLSRPTv1; rua=mailto:a@example.com")).toEqual(["error:RPT-TXT-2"]);
    expect(codes("v=TLSRPTv99;rua=mailto:reports@example.com")).toEqual(["error:RPT-TXT-2"]);
    expect(parseTlsRptRecord("v=TLSRPTv1; rua = mailto:a@example.com")).toMatchObject({
      valid: false,
      diagnostics: [
        {
          id: "RPT-TXT-2",
          severity: "error",
          message:
            'Remove the whitespace around "=" in "rua = mailto:a@example.com" (write "rua=").',
        },
      ],
    });
  });

  it("RPT-TXT-3: a raw '!' (DMARC size suffix) is invalid", () => {
    expect(parseTlsRptRecord("v=TLSRPTv1; rua=mailto:a@example.com!10m").diagnostics).toMatchObject(
      [
        {
          id: "RPT-TXT-3",
          severity: "error",
          message:
            '"mailto:a@example.com!10m" contains a raw "!": TLS-RPT has no DMARC-style size limit ("!10m"); remove it, or write "%21" if it is part of the address.',
        },
      ],
    );
  });

  it("TV-RPT-3: an encoded '!' is fine", () => {
    const r = parseTlsRptRecord("v=TLSRPTv1; rua=mailto:a%21b@example.com");
    expect(r.valid).toBe(true);
    expect(r.rua[0]).toMatchObject({ address: "a!b@example.com", domain: "example.com" });
  });

  it("TV-RPT-1 RPT-TXT-6: two rua fields are merged, with a warning", () => {
    const r = parseTlsRptRecord("v=TLSRPTv1; rua=mailto:a@example.com; rua=https://r.example/x");
    expect(r.valid).toBe(true);
    expect(r.rua.map((d) => d.uri)).toEqual(["mailto:a@example.com", "https://r.example/x"]);
    expect(r.diagnostics).toMatchObject([
      {
        id: "RPT-TXT-6",
        severity: "warning",
        message:
          "The record has 2 rua fields: reporters disagree on how to combine them. Merge them into a single rua= with a comma-separated list.",
      },
    ]);
  });

  it("RPT-TXT-3: other URI problems", () => {
    expect(codes("v=TLSRPTv1; rua=mailto:a@example.com,")).toEqual(["error:RPT-TXT-3"]);
    expect(codes("v=TLSRPTv1; rua=not_a_valid_uri")).toEqual(["error:RPT-TXT-3"]);
    expect(codes("v=TLSRPTv1; rua=mailto:nobody")).toEqual(["error:RPT-TXT-3"]);
    expect(codes("v=TLSRPTv1; rua=mailto:a%zz@example.com")).toEqual(["error:RPT-TXT-3"]);
    expect(codes("v=TLSRPTv1; rua=ftp://r.example/x")).toEqual(["error:RPT-TXT-3"]);
    expect(codes("v=TLSRPTv1; rua=https://user:pw@r.example/x")).toEqual(["error:RPT-TXT-3"]);
  });

  it("RPT-TXT-4: whitespace before the first ';' is a warning", () => {
    const r = parseTlsRptRecord("v=TLSRPTv1 ; rua=mailto:a@example.com");
    expect(r.valid).toBe(true);
    expect(r.diagnostics.map((d) => `${d.severity}:${d.id}`)).toEqual(["warning:RPT-TXT-4"]);
  });

  it("RPT-TXT-8: destinations outside the policy domain are info", () => {
    const r = parseTlsRptRecord(
      "v=TLSRPTv1; rua=mailto:tlsrpt@example.com,mailto:x@reports.example.net,https://tls.example.com/r",
      { policyDomain: "Example.com." },
    );
    expect(r.valid).toBe(true);
    expect(r.diagnostics).toMatchObject([
      {
        id: "RPT-TXT-8",
        severity: "info",
        message:
          "Reports for example.com go to reports.example.net, outside your domain (mailto:x@reports.example.net); make sure that is intended.",
      },
    ]);
  });
});

describe("selectTlsRptRecord (RPT-TXT-4, RPT-TXT-5)", () => {
  it("RPT-TXT-5: joins strings, drops other records", () => {
    const r = selectTlsRptRecord([["v=spf1 -all"], ["v=TLSRPTv1; rua=mailto:", "a@example.com"]]);
    expect(r.status).toBe("valid");
    expect(r.tlsRptRecords).toEqual(["v=TLSRPTv1; rua=mailto:a@example.com"]);
    expect(r.otherRecords).toEqual(["v=spf1 -all"]);
    expect(r.record?.rua.map((d) => d.uri)).toEqual(["mailto:a@example.com"]);
    expect(r.diagnostics).toEqual([]);
  });

  it("TV-RPT-2: two records mean no TLS-RPT", () => {
    const r = selectTlsRptRecord([
      ["v=TLSRPTv1; rua=mailto:a@example.com"],
      ["v=TLSRPTv1; rua=mailto:b@example.com"],
    ]);
    expect(r.status).toBe("multiple");
    expect(r.record).toBeNull();
    expect(r.diagnostics).toMatchObject([
      {
        id: "RPT-TXT-4",
        severity: "error",
        message:
          "There are 2 TLS-RPT records: reporters need exactly one, so no reports will arrive. Delete all but one.",
      },
    ]);
  });

  it("absent, near miss and invalid", () => {
    expect(selectTlsRptRecord([]).status).toBe("absent");
    const near = selectTlsRptRecord([["V=TLSRPTv1; rua=mailto:a@example.com"]]);
    expect(near.status).toBe("absent");
    expect(near.diagnostics.map((d) => `${d.severity}:${d.id}`)).toEqual(["error:RPT-TXT-2"]);
    const invalid = selectTlsRptRecord([["v=TLSRPTv1; rua=a@example.com"]]);
    expect(invalid.status).toBe("invalid");
    expect(invalid.diagnostics.map((d) => d.id)).toEqual(["RPT-TXT-3"]);
  });
});

describe("RPT-TXT-3: a raw ';' inside a rua URI", () => {
  it("a mailto local part with ';' gets a warning naming %3B", () => {
    const r = parseTlsRptRecord("v=TLSRPTv1; rua=mailto:tls;rpt@example.com");
    expect(r.diagnostics.filter((d) => d.severity === "warning")).toMatchObject([
      {
        id: "RPT-TXT-3",
        severity: "warning",
        message:
          'The rua value "mailto:tls;rpt@example.com" contains a raw ";", which ends the rua field: write it as %3B ("mailto:tls%3Brpt@example.com").',
      },
    ]);
  });

  it("an https query with ';' gets the same warning", () => {
    const r = parseTlsRptRecord("v=TLSRPTv1; rua=https://r.example.net/tlsrpt?a=1;b=2");
    expect(r.diagnostics.map((d) => [d.id, d.severity, d.message])).toContainEqual([
      "RPT-TXT-3",
      "warning",
      'The rua value "https://r.example.net/tlsrpt?a=1;b=2" contains a raw ";", which ends the rua field: write it as %3B ("https://r.example.net/tlsrpt?a=1%3Bb=2").',
    ]);
  });

  it("an encoded %3B, or a ';' between fields, is fine", () => {
    expect(parseTlsRptRecord("v=TLSRPTv1; rua=mailto:tls%3Brpt@example.com").diagnostics).toEqual(
      [],
    );
    expect(
      parseTlsRptRecord("v=TLSRPTv1; rua=mailto:a@example.com; ext=1").diagnostics.some(
        (d) => d.id === "RPT-TXT-3",
      ),
    ).toBe(false);
  });
});
