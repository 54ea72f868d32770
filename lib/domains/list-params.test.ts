// Issue 16: the domain list's URL state, parsed and rebuilt; bad values named, not crashed on.
import { describe, expect, it } from "vitest";
import { domainListHref, naturalCompare, parseDomainListParams } from "./list-params";

describe("domain list URL state (issue 16)", () => {
  it("reads search, filters and page, and writes them back in the same shape", () => {
    const { params, problems } = parseDomainListParams({
      q: " d1 ",
      step: "publish",
      mode: "no-policy",
      ready: "not-ready",
      page: "3",
    });
    expect(problems).toEqual([]);
    expect(params).toEqual({
      q: "d1",
      step: "publish",
      mode: "no-policy",
      ready: "not-ready",
      page: 3,
    });
    expect(domainListHref(params)).toBe(
      "/domains?q=d1&step=publish&mode=no-policy&ready=not-ready&page=3",
    );
    expect(domainListHref(params, { page: 1, q: "" })).toBe(
      "/domains?step=publish&mode=no-policy&ready=not-ready",
    );
  });

  it("drops a value it cannot use and says which", () => {
    const { params, problems, problemRefs } = parseDomainListParams({
      step: "9",
      page: "-1",
      mode: ["x"],
    });
    expect(params).toEqual({ q: "", step: null, mode: null, ready: null, page: 1 });
    expect(problems).toEqual([
      'The page "-1" is not a page number; showing page 1.',
      'The step filter "9" is not one of check, policy, publish, dns, live; it was ignored.',
      'The mode filter "x" is not one of testing, enforce, none, no-policy; it was ignored.',
    ]);
    // Issue 16 §6: the same problems as messages, which the list shows in the reader's language.
    expect(problemRefs).toEqual([
      { key: "problems.page", params: { value: "-1" } },
      {
        key: "problems.filter",
        params: { filter: "step", value: "9", allowed: "check, policy, publish, dns, live" },
      },
      {
        key: "problems.filter",
        params: { filter: "mode", value: "x", allowed: "testing, enforce, none, no-policy" },
      },
    ]);
  });

  it("compares digits as numbers", () => {
    expect(["d100", "d10", "d2", "d1", "D3"].sort(naturalCompare)).toEqual([
      "d1",
      "d2",
      "D3",
      "d10",
      "d100",
    ]);
  });
});
