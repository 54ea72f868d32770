import { describe, expect, it } from "vitest";
import { reportEndpoint } from "./report-endpoint";

describe("RPT-TXT-3: the report endpoint shown is always https:", () => {
  it("is built from STS_PUBLIC_URL", () => {
    expect(reportEndpoint({ STS_PUBLIC_URL: "https://sts.example.com/" })).toEqual({
      url: "https://sts.example.com/api/reports/tlsrpt",
      problem: null,
    });
  });

  it("without STS_PUBLIC_URL says to set it instead of showing NEXTAUTH_URL", () => {
    expect(reportEndpoint({ NEXTAUTH_URL: "http://localhost:3000" })).toEqual({
      url: null,
      problem:
        "Set STS_PUBLIC_URL to the https: address reporters reach this app at (e.g. https://sts.example.com) to see the report endpoint.",
    });
  });

  it("an http: STS_PUBLIC_URL is named as the problem", () => {
    expect(reportEndpoint({ STS_PUBLIC_URL: "http://localhost:3000" }).problem).toBe(
      "STS_PUBLIC_URL is http://…: reporters only post to https: (RPT-TXT-3), so it is not listed. Set STS_PUBLIC_URL to the https: address reporters reach this app at (e.g. https://sts.example.com) to see the report endpoint.",
    );
  });
});
