import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { MESSAGES } from "@/lib/i18n/messages";
import { NO_REPORT_DESTINATION, reportDestination, reportEndpoint } from "./report-endpoint";

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
        "No report destination is configured. Set STS_PUBLIC_URL to the https: address reporters reach this app at (e.g. https://sts.example.com; reports are posted to its /api/reports/tlsrpt), or STS_RUA_MAILTO to a mailbox this app reads (e.g. tlsrpt@example.com), then restart.",
      refs: [{ key: "noDestination" }],
    });
  });

  it("an http: STS_PUBLIC_URL is named as the problem, and no destination is usable", () => {
    expect(reportEndpoint({ STS_PUBLIC_URL: "http://localhost:3000" }).problem).toBe(
      `STS_PUBLIC_URL is http://…: reporters only post to https: (RPT-TXT-3), so it is not listed. ${NO_REPORT_DESTINATION}`,
    );
  });

  it("mail only: the mailbox is named and HTTPS is what is missing", () => {
    expect(reportEndpoint({ STS_RUA_MAILTO: "tlsrpt@example.com" }).problem).toBe(
      "Reports arrive by mail only (mailto:tlsrpt@example.com). Set STS_PUBLIC_URL to the https: address reporters reach this app at (e.g. https://sts.example.com; reports are posted to its /api/reports/tlsrpt) to receive them over HTTPS too.",
    );
  });
});

describe("one report address on every page (issue 16)", () => {
  // Settings shows reportEndpoint; the DNS step shows reportDestination's record and, when
  // no https: address is usable, the very same sentence.
  const cases = [
    {},
    { STS_PUBLIC_URL: "http://localhost:3000" },
    { STS_PUBLIC_URL: "https://sts.example.com" },
    { STS_PUBLIC_URL: "https://sts.example.com", STS_RUA_MAILTO: "tlsrpt@example.com" },
  ];
  it("the https: address in the DNS record is the one Settings shows, or neither has one", () => {
    for (const env of cases) {
      const endpoint = reportEndpoint(env);
      const dest = reportDestination(env);
      expect(dest.uris.find((u) => u.startsWith("https:")) ?? null).toBe(endpoint.url);
      if (endpoint.url === null) expect(dest.notices.join(" ")).toBe(endpoint.problem);
    }
  });

  it("never says no destination is configured while one is", () => {
    expect(reportDestination({ STS_PUBLIC_URL: "https://sts.example.com" })).toEqual({
      uris: ["https://sts.example.com/api/reports/tlsrpt"],
      notices: [],
      noticeRefs: [],
    });
    expect(reportDestination({}).notices).toEqual([NO_REPORT_DESTINATION]);
  });
});

describe("the report-address notices in the reader's language (issue 16 §6)", () => {
  const translator = (locale: "en" | "de") => {
    const t = createTranslator({
      locale,
      messages: MESSAGES[locale],
      namespace: "settings.reportAddress",
    });
    return (refs: MessageRef[]) =>
      refs.map((r) => t(r.key as Parameters<typeof t>[0], r.params)).join(" ");
  };
  const en = translator("en");
  const envs = [
    {},
    { STS_PUBLIC_URL: "http://localhost:3000" },
    { STS_PUBLIC_URL: "not a url" },
    { STS_RUA_MAILTO: "tlsrpt@example.com" },
    { STS_PUBLIC_URL: "http://sts.example.com", STS_RUA_MAILTO: "tlsrpt@example.com" },
    { STS_PUBLIC_URL: "https://sts.example.com", STS_RUA_MAILTO: "nobody" },
  ];

  it("each notice's and each problem's refs format to the English sentences", () => {
    for (const env of envs) {
      const dest = reportDestination(env);
      expect(dest.noticeRefs.map((r) => en([r]))).toEqual(dest.notices);
      const endpoint = reportEndpoint(env);
      if (endpoint.url === null) expect(en(endpoint.refs)).toBe(endpoint.problem);
    }
    expect(reportDestination(envs[5]!).noticeRefs).toHaveLength(1);
  });

  it("in German, with the setting's value as it is", () => {
    const endpoint = reportEndpoint({ STS_RUA_MAILTO: "tlsrpt@example.com" });
    expect(endpoint.url === null && translator("de")(endpoint.refs)).toBe(
      "Berichte kommen nur per E-Mail an (mailto:tlsrpt@example.com). Setzen Sie STS_PUBLIC_URL auf die https:-Adresse, unter der Reporter diese App erreichen (z. B. https://sts.example.com; Berichte werden an deren /api/reports/tlsrpt gesendet), um sie auch über HTTPS zu empfangen.",
    );
  });
});
