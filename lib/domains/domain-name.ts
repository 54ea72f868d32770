import { domainToASCII, domainToUnicode } from "node:url";
import ipaddr from "ipaddr.js";
import { parse } from "tldts";
import { err, ok, type Result } from "@/lib/core/diagnostic";
import { failure, type Failure } from "@/lib/core/failure";

export interface DomainName {
  /** A-label form, lower case, no trailing dot: how the domain is stored and looked up. */
  aLabel: string;
  /** U-label form, for people. */
  uLabel: string;
}

// Each refusal names its "apiErrors" message (issue 16 §6); the name as typed is a parameter.
const refuse = (message: string, key: string, params?: Record<string, string>) =>
  err(failure("invalid", message, params ? { key, params } : { key }));

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Validates what an admin typed as a mail domain. IDN input is converted to its A-label;
 * IP literals, single labels, public suffixes and malformed names are refused with a
 * message that says why.
 */
export function validateDomainName(input: string): Result<DomainName, Failure> {
  const typed = input.trim().replace(/\.$/, "");
  if (typed === "") return refuse("Enter a domain name, like example.com.", "enterDomainName");
  if (/[/@:]/.test(typed) && !ipaddr.isValid(typed.replace(/^\[|\]$/g, ""))) {
    return refuse(
      `"${typed}" is not a domain name: enter just the domain, like example.com.`,
      "notADomainName",
      { typed },
    );
  }
  const bare = typed.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(bare) && (bare.includes(":") || /^[\d.]+$/.test(bare))) {
    return refuse(
      `${typed} is an IP address. MTA-STS protects mail domains: enter a domain name.`,
      "domainIsIp",
      { typed },
    );
  }
  if (/\s/.test(typed))
    return refuse(`"${typed}" contains a space; a domain name cannot.`, "domainSpace", { typed });
  const aLabel = domainToASCII(typed.toLowerCase());
  if (aLabel === "")
    return refuse(`"${typed}" is not a valid domain name.`, "invalidDomainName", { typed });
  const labels = aLabel.split(".");
  if (labels.some((l) => l === ""))
    return refuse(`"${typed}" has an empty label (two dots in a row).`, "domainEmptyLabel", {
      typed,
    });
  const bad = labels.find((l) => !LABEL.test(l));
  if (bad !== undefined) {
    return refuse(
      `"${typed}" is not a valid domain name: the label "${bad}" may only hold letters, digits and inner hyphens, up to 63 characters.`,
      "domainBadLabel",
      { typed, label: bad },
    );
  }
  if (aLabel.length > 253)
    return refuse("That name is longer than the 253 characters DNS allows.", "domainTooLong");
  if (labels.length < 2) {
    return refuse(
      `"${typed}" is a single label. Enter the full mail domain, like ${typed}.com.`,
      "domainSingleLabel",
      { typed },
    );
  }
  const info = parse(aLabel, { allowPrivateDomains: true });
  if (info.publicSuffix === aLabel || info.domain === null) {
    return refuse(
      `${typed} is a public suffix (a name under which anyone can register domains), not a mail domain.`,
      "domainPublicSuffix",
      { typed },
    );
  }
  return ok({ aLabel, uLabel: domainToUnicode(aLabel) || aLabel });
}
