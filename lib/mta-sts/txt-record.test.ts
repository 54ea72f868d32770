import { describe, expect, it } from "vitest";
import { parseStsTxtRecord, selectStsTxtRecord } from "./txt-record";

const ids = (record: string) =>
  parseStsTxtRecord(record).diagnostics.map((d) => `${d.severity}:${d.id}`);

describe("parseStsTxtRecord (spec §16.1)", () => {
  it("TV-TXT-1 STS-TXT-3: accepts the RFC example with a trailing ';'", () => {
    expect(parseStsTxtRecord("v=STSv1; id=20160831085700Z;")).toEqual({
      valid: true,
      id: "20160831085700Z",
      extensions: [],
      diagnostics: [],
    });
  });

  it("TV-TXT-2 STS-TXT-5: no whitespace after ';' is fine", () => {
    expect(parseStsTxtRecord("v=STSv1;id=a")).toMatchObject({ valid: true, id: "a" });
    expect(ids("v=STSv1;id=a")).toEqual([]);
  });

  it("STS-TXT-5: tabs and spaces around ';' are delimiters", () => {
    const r = parseStsTxtRecord("v=STSv1; \t id=20160831085700Z  \t;");
    expect(r).toMatchObject({ valid: true, id: "20160831085700Z" });
    expect(r.diagnostics).toEqual([]);
  });

  it("TV-TXT-4 STS-TXT-4: a hyphen in the id is invalid", () => {
    expect(parseStsTxtRecord("v=STSv1; id=2024-05-17")).toMatchObject({
      valid: false,
      id: null,
      extensions: [],
      diagnostics: [
        {
          id: "STS-TXT-4",
          severity: "error",
          message:
            'The id "2024-05-17" is invalid: use 1 to 32 letters and digits only, for example a UTC timestamp like 20250301T120000Z.',
        },
      ],
    });
  });

  it("TV-TXT-5 STS-TXT-4: 33 characters is too long, 32 is fine", () => {
    expect(ids(`v=STSv1; id=${"a".repeat(33)}`)).toEqual(["error:STS-TXT-4"]);
    expect(parseStsTxtRecord(`v=STSv1; id=${"a".repeat(32)}`).valid).toBe(true);
  });

  it("TV-TXT-6 STS-TXT-4: a record with no id", () => {
    const r = parseStsTxtRecord("v=STSv1");
    expect(r.valid).toBe(false);
    expect(r.diagnostics).toMatchObject([
      {
        id: "STS-TXT-4",
        severity: "error",
        message: 'The record has no id: add "id=" followed by 1 to 32 letters and digits.',
      },
    ]);
    expect(ids("v=STSv1;")).toEqual(["error:STS-TXT-4"]);
    expect(ids("v=STSv1; id=")).toEqual(["error:STS-TXT-4"]);
  });

  it("TV-TXT-7 STS-TXT-3: the version must come first", () => {
    expect(parseStsTxtRecord("id=abc; v=STSv1").diagnostics).toMatchObject([
      { id: "STS-TXT-3", severity: "error", message: 'The record must start with "v=STSv1".' },
    ]);
  });

  it("TV-TXT-8 STS-TXT-6: whitespace before the first ';' is valid with a warning", () => {
    const r = parseStsTxtRecord("v=STSv1 ; id=abc");
    expect(r).toMatchObject({ valid: true, id: "abc" });
    expect(r.diagnostics).toMatchObject([
      {
        id: "STS-TXT-6",
        severity: "warning",
        message:
          'Remove the whitespace before the first ";": some senders only accept records that begin with the literal "v=STSv1;" and will ignore this one.',
      },
    ]);
  });

  it("TV-TXT-9 STS-TXT-11: a well-formed extension is kept and reported as info", () => {
    const r = parseStsTxtRecord("v=STSv1; id=abc; ext=foo");
    expect(r).toMatchObject({ valid: true, id: "abc", extensions: [["ext", "foo"]] });
    expect(r.diagnostics).toMatchObject([
      {
        id: "STS-TXT-11",
        severity: "info",
        message: 'The field "ext" is not defined by RFC 8461; senders ignore it.',
      },
    ]);
  });

  it("TV-TXT-10 STS-TXT-11: malformed extensions make the record invalid", () => {
    expect(ids("v=STSv1; id=abc; ext=a=b")).toEqual(["error:STS-TXT-11"]);
    expect(ids("v=STSv1; id=abc; foo=")).toEqual(["error:STS-TXT-11"]);
    expect(ids("v=STSv1; id=abc; _x=1")).toEqual(["error:STS-TXT-11"]);
    expect(ids(`v=STSv1; id=a; a${"1".repeat(32)}=1`)).toEqual(["error:STS-TXT-11"]);
    expect(ids("v=STSv1; id=a; note=café")).toEqual(["error:STS-TXT-11"]);
    expect(ids("v=STSv1; id=a; note=has space")).toEqual(["error:STS-TXT-11"]);
  });

  it("TV-TXT-11 STS-TXT-5: an empty field is invalid", () => {
    expect(parseStsTxtRecord("v=STSv1; id=abc;;").diagnostics).toMatchObject([
      { id: "STS-TXT-5", severity: "error", message: 'Remove the empty field (";;").' },
    ]);
  });

  it("STS-TXT-5: whitespace around '=' and trailing whitespace without ';' are invalid", () => {
    expect(parseStsTxtRecord("v=STSv1; id = abc").diagnostics).toMatchObject([
      {
        id: "STS-TXT-5",
        severity: "error",
        message: 'Remove the whitespace around "=" in "id = abc" (write "id=").',
      },
    ]);
    expect(ids("v=STSv1; id=policy1 \t")).toEqual(["error:STS-TXT-5"]);
  });

  it("TV-TXT-14 STS-TXT-12: the first id wins, with a warning", () => {
    const r = parseStsTxtRecord("v=STSv1; id=a; id=b");
    expect(r).toMatchObject({ valid: true, id: "a" });
    expect(ids("v=STSv1; id=a; id=b")).toEqual(["warning:STS-TXT-12"]);
  });

  it("TV-TXT-15 STS-TXT-3: the version is case-sensitive", () => {
    expect(parseStsTxtRecord("V=STSv1; id=a").diagnostics).toMatchObject([
      {
        id: "STS-TXT-3",
        severity: "error",
        message:
          'The record must start with "v=STSv1". The version is case-sensitive: write exactly "v=STSv1".',
      },
    ]);
    expect(ids("v=stsv1; id=a")).toEqual(["error:STS-TXT-3"]);
  });

  it("STS-TXT-3: other versions are not STS records", () => {
    for (const record of ["v=STSv10", "v=STSv10; id=policy1;", "v=STSv2", "v=STSv0"]) {
      expect(parseStsTxtRecord(record)).toMatchObject({ valid: false, id: null });
      expect(ids(record)).toEqual(["error:STS-TXT-3"]);
    }
  });
});

describe("selectStsTxtRecord (STS-TXT-7, STS-TXT-9)", () => {
  it("TV-TXT-3 STS-TXT-9: joins the strings of one RR with no separator", () => {
    const r = selectStsTxtRecord([["v=STSv1; ", "id=abc123"]]);
    expect(r.status).toBe("valid");
    expect(r.stsRecords).toEqual(["v=STSv1; id=abc123"]);
    expect(r.record?.id).toBe("abc123");
    expect(r.diagnostics).toEqual([]);
  });

  it("TV-TXT-12 STS-TXT-7: two STS records mean no policy", () => {
    const r = selectStsTxtRecord([["v=STSv1; id=a"], ["v=STSv1; id=b"]]);
    expect(r.status).toBe("multiple");
    expect(r.record).toBeNull();
    expect(r.diagnostics).toMatchObject([
      {
        id: "STS-TXT-7",
        severity: "error",
        message:
          "There are 2 MTA-STS records: senders need exactly one, so they treat the domain as having no policy. Delete all but one.",
      },
    ]);
  });

  it("TV-TXT-13 STS-TXT-7: unrelated records are dropped and reported as info", () => {
    const r = selectStsTxtRecord([["v=spf1 -all"], ["v=STSv1; id=a"]]);
    expect(r.status).toBe("valid");
    expect(r.otherRecords).toEqual(["v=spf1 -all"]);
    expect(r.diagnostics).toMatchObject([
      {
        id: "STS-TXT-7",
        severity: "info",
        message: "1 other TXT record(s) at this name are not MTA-STS records; senders ignore them.",
      },
    ]);
  });

  it("STS-TXT-6: a record with whitespace before ';' is still selected", () => {
    const r = selectStsTxtRecord([["v=STSv1 \t; \tid=policy1 \t;"]]);
    expect(r.status).toBe("valid");
    expect(r.diagnostics.map((d) => d.id)).toEqual(["STS-TXT-6"]);
  });

  it("TV-TXT-7: a near miss is absent for senders and an error for the checker", () => {
    const r = selectStsTxtRecord([["id=abc; v=STSv1"]]);
    expect(r.status).toBe("absent");
    expect(r.diagnostics.map((d) => `${d.severity}:${d.id}`)).toEqual([
      "info:STS-TXT-7",
      "error:STS-TXT-3",
    ]);
  });

  it("an empty answer is absent with no diagnostics", () => {
    expect(selectStsTxtRecord([])).toEqual({
      status: "absent",
      record: null,
      stsRecords: [],
      otherRecords: [],
      diagnostics: [],
    });
  });

  it("a single invalid STS record is 'invalid'", () => {
    const r = selectStsTxtRecord([["v=STSv1; id=bad-value;"]]);
    expect(r.status).toBe("invalid");
    expect(r.diagnostics.map((d) => d.id)).toEqual(["STS-TXT-4"]);
  });
});
