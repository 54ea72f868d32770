import { describe, expect, it } from "vitest";
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
    expect(validateDomainName(input)).toEqual({ ok: false, error: message });
  });
});
