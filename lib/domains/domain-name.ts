import { domainToASCII, domainToUnicode } from "node:url";
import ipaddr from "ipaddr.js";
import { parse } from "tldts";
import { err, ok, type Result } from "@/lib/core/diagnostic";

export interface DomainName {
  /** A-label form, lower case, no trailing dot: how the domain is stored and looked up. */
  aLabel: string;
  /** U-label form, for people. */
  uLabel: string;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Validates what an admin typed as a mail domain. IDN input is converted to its A-label;
 * IP literals, single labels, public suffixes and malformed names are refused with a
 * message that says why.
 */
export function validateDomainName(input: string): Result<DomainName> {
  const typed = input.trim().replace(/\.$/, "");
  if (typed === "") return err("Enter a domain name, like example.com.");
  if (/[/@:]/.test(typed) && !ipaddr.isValid(typed.replace(/^\[|\]$/g, ""))) {
    return err(`"${typed}" is not a domain name: enter just the domain, like example.com.`);
  }
  const bare = typed.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(bare) && (bare.includes(":") || /^[\d.]+$/.test(bare))) {
    return err(`${typed} is an IP address. MTA-STS protects mail domains: enter a domain name.`);
  }
  if (/\s/.test(typed)) return err(`"${typed}" contains a space; a domain name cannot.`);
  const aLabel = domainToASCII(typed.toLowerCase());
  if (aLabel === "") return err(`"${typed}" is not a valid domain name.`);
  const labels = aLabel.split(".");
  if (labels.some((l) => l === ""))
    return err(`"${typed}" has an empty label (two dots in a row).`);
  const bad = labels.find((l) => !LABEL.test(l));
  if (bad !== undefined) {
    return err(
      `"${typed}" is not a valid domain name: the label "${bad}" may only hold letters, digits and inner hyphens, up to 63 characters.`,
    );
  }
  if (aLabel.length > 253) return err("That name is longer than the 253 characters DNS allows.");
  if (labels.length < 2) {
    return err(`"${typed}" is a single label. Enter the full mail domain, like ${typed}.com.`);
  }
  const info = parse(aLabel, { allowPrivateDomains: true });
  if (info.publicSuffix === aLabel || info.domain === null) {
    return err(
      `${typed} is a public suffix (a name under which anyone can register domains), not a mail domain.`,
    );
  }
  return ok({ aLabel, uLabel: domainToUnicode(aLabel) || aLabel });
}
