import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { validateDomainName } from "./domain-name";

describe("validateDomainName", () => {
  it.each([
    ["example.com", "example.com", "example.com"],
    ["  Mail.Example.COM. ", "mail.example.com", "mail.example.com"],
    ["münchen.de", "xn--mnchen-3ya.de", "münchen.de"],
    ["xn--mnchen-3ya.de", "xn--mnchen-3ya.de", "münchen.de"],
    ["example.co.uk", "example.co.uk", "example.co.uk"],
  ])("accepts %s as %s (shown as %s)", (input, aLabel, uLabel) => {
    expect(validateDomainName(input)).toEqual({ ok: true, value: { aLabel, uLabel } });
  });

  it.each([
    ["", "Enter a domain name, like example.com."],
    [
      "192.0.2.1",
      "192.0.2.1 is an IP address. MTA-STS protects mail domains: enter a domain name.",
    ],
    [
      "[2001:db8::1]",
      "[2001:db8::1] is an IP address. MTA-STS protects mail domains: enter a domain name.",
    ],
    ["localhost", '"localhost" is a single label. Enter the full mail domain, like localhost.com.'],
    [
      "co.uk",
      "co.uk is a public suffix (a name under which anyone can register domains), not a mail domain.",
    ],
    [
      "github.io",
      "github.io is a public suffix (a name under which anyone can register domains), not a mail domain.",
    ],
    [
      "https://example.com/",
      '"https://example.com/" is not a domain name: enter just the domain, like example.com.',
    ],
    [
      "admin@example.com",
      '"admin@example.com" is not a domain name: enter just the domain, like example.com.',
    ],
    ["exa mple.com", '"exa mple.com" contains a space; a domain name cannot.'],
    ["a..example.com", '"a..example.com" has an empty label (two dots in a row).'],
    [
      "-bad.example.com",
      '"-bad.example.com" is not a valid domain name: the label "-bad" may only hold letters, digits and inner hyphens, up to 63 characters.',
    ],
    [
      "under_score.example.com",
      '"under_score.example.com" is not a valid domain name: the label "under_score" may only hold letters, digits and inner hyphens, up to 63 characters.',
    ],
  ])("refuses %j", (input, message) => {
    const r = validateDomainName(input);
    expect(r.ok ? null : [r.error.kind, r.error.message]).toEqual(["invalid", message]);
  });

  it("each refusal's apiErrors message (issue 16 §6) formats to its English; German names the input", () => {
    const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "apiErrors" });
    const de = createTranslator({ locale: "de", messages: MESSAGES.de, namespace: "apiErrors" });
    const inputs = [
      "",
      "192.0.2.1",
      "localhost",
      "co.uk",
      "a@b.c",
      "a b.c",
      "a..b.c",
      "-x.b.c",
      `${"a".repeat(60)}.`.repeat(5) + "com",
    ];
    const refusals = inputs.map((i) => validateDomainName(i)).map((r) => (r.ok ? null : r.error));
    expect(refusals.map((f) => f?.ref?.key)).toEqual([
      "enterDomainName",
      "domainIsIp",
      "domainSingleLabel",
      "domainPublicSuffix",
      "notADomainName",
      "domainSpace",
      "domainEmptyLabel",
      "domainBadLabel",
      "domainTooLong",
    ]);
    for (const f of refusals)
      expect(en(f!.ref!.key as Parameters<typeof en>[0], f!.ref!.params)).toBe(f!.message);
    const ip = refusals[1]!.ref!;
    expect(de(ip.key as Parameters<typeof de>[0], ip.params)).toBe(
      "192.0.2.1 ist eine IP-Adresse. MTA-STS schützt Mail-Domains: Geben Sie einen Domainnamen ein.",
    );
  });
});
