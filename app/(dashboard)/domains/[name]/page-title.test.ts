// Issue 16: a domain's pages are titled "<page> · <domain>" (+ " · STS Rollout" from the
// root layout's template), not just "STS Rollout".
import { describe, expect, it } from "vitest";
import { domainTitle } from "./page-title";

describe("domain page titles (issue 16)", () => {
  it("names the page and the domain", async () => {
    const title = domainTitle("Policy");
    expect(await title({ params: Promise.resolve({ name: "example.com" }) })).toEqual({
      title: "Policy · example.com",
    });
    expect(await title({ params: Promise.resolve({ name: "b%C3%BCcher.example" }) })).toEqual({
      title: "Policy · bücher.example",
    });
    expect(await title({ params: Promise.resolve({ name: "%E0%A4%A" }) })).toEqual({
      title: "Policy · %E0%A4%A",
    });
  });
});
