// MX patterns in a policy (STS-POL-9) and matching an MX host against them (STS-MX-*).

import { getDomain } from "tldts";
import type { MessageRef } from "../i18n/message-ref";

/** RFC 5321 sub-domain: letter/digit, then letters/digits/hyphens, not ending in a hyphen. */
const LABEL_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Convert a host name to lowercase A-labels; null if it is not a valid host name. */
function toAscii(host: string): string | null {
  if (host === "" || /[\s/?#@:[\]%\\]/.test(host)) return null;
  // ASCII needs only lowercasing; the URL parser would read names like "a.0x" as IPv4.
  if (!hasNonAscii(host)) return host.toLowerCase();
  try {
    // WHATWG URL applies UTS #46 (lowercase, U-label → A-label) in Node and in browsers.
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

/**
 * STS-MX-2: strip one trailing dot, lowercase, convert IDNs to A-labels.
 * Returns null when the input is not a host name.
 */
export function normalizeHost(host: string): string | null {
  const trimmed = host.endsWith(".") ? host.slice(0, -1) : host;
  const ascii = toAscii(trimmed);
  if (ascii === null || ascii.endsWith(".")) return null;
  return ascii.split(".").every((label) => LABEL_RE.test(label)) ? ascii : null;
}

/** A problem with an `mx:` value: the English sentence and its "diagnostics" message. */
export interface MxPatternProblem {
  message: string;
  ref: MessageRef;
}

const problem = (
  message: string,
  key: string,
  params: Record<string, string> = {},
): MxPatternProblem => ({ message, ref: { key: `STS-POL-9.${key}`, params } });

/**
 * STS-POL-9: check the syntax of one `mx:` value. Returns null when valid, otherwise a
 * message a person can act on.
 */
export function mxPatternProblem(pattern: string): string | null {
  return mxPatternProblemRef(pattern)?.message ?? null;
}

/** mxPatternProblem with the sentence's message key (issue 16 §6). */
export function mxPatternProblemRef(pattern: string): MxPatternProblem | null {
  if (pattern === "") {
    return problem(`The mx line is empty: write a host name such as mail.example.com.`, "empty");
  }
  if (/[,\s]/.test(pattern)) {
    return problem(
      `"${pattern}" looks like a list: put each MX pattern on its own "mx:" line.`,
      "list",
      { pattern },
    );
  }
  if (pattern.endsWith(".")) {
    return problem(`Remove the trailing dot from "${pattern}".`, "trailingDot", { pattern });
  }
  const host = pattern.startsWith("*.") ? pattern.slice(2) : pattern;
  if (host.includes("*")) {
    return problem(
      `"${pattern}" has a misplaced wildcard: "*" is only allowed as "*." at the very start, covering exactly one label.`,
      "misplacedWildcard",
      { pattern },
    );
  }
  if (hasNonAscii(host)) {
    const ascii = toAscii(host);
    if (ascii) {
      const written = pattern.replace(host, ascii);
      return problem(
        `"${pattern}" contains non-ASCII characters: internationalised names must be written as A-labels (punycode). Write it as "${written}".`,
        "nonAsciiHint",
        { pattern, ascii: written },
      );
    }
    return problem(
      `"${pattern}" contains non-ASCII characters: internationalised names must be written as A-labels (punycode).`,
      "nonAscii",
      { pattern },
    );
  }
  const labels = host.split(".");
  const bad = labels.find((label) => !LABEL_RE.test(label));
  if (bad !== undefined) {
    return problem(
      `"${pattern}" is not a valid host name: each label must be 1 to 63 letters, digits or hyphens, and must not start or end with a hyphen.`,
      "badLabel",
      { pattern },
    );
  }
  if (host.length > 253) {
    return problem(`"${pattern}" is longer than 253 characters.`, "tooLong", { pattern });
  }
  // A top-level label is never all digits, so this is an IP address: senders match names only.
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? "")) {
    return problem(
      `"${pattern}" is an IP address: MTA-STS matches MX host names only, so list the MX host name instead.`,
      "ipAddress",
      { pattern },
    );
  }
  return null;
}

export const hasNonAscii = (text: string): boolean =>
  [...text].some((char) => char.charCodeAt(0) > 0x7f);

export const isWildcardPattern = (pattern: string): boolean => pattern.startsWith("*.");

/**
 * STS-MX-3/4: does this policy pattern allow this MX host name?
 * `*.suffix` matches exactly one extra, non-empty label in front of `suffix`.
 */
export function mxPatternMatches(pattern: string, host: string): boolean {
  const wildcard = isWildcardPattern(pattern);
  const patternHost = normalizeHost(wildcard ? pattern.slice(2) : pattern);
  const candidate = normalizeHost(host);
  if (patternHost === null || candidate === null) return false;
  if (!wildcard) return candidate === patternHost;
  const dot = candidate.indexOf(".");
  return dot > 0 && candidate.slice(dot + 1) === patternHost;
}

/** STS-MX-1: the first pattern that allows `host`, or null when none does. */
export function findMatchingPattern(patterns: readonly string[], host: string): string | null {
  return patterns.find((pattern) => mxPatternMatches(pattern, host)) ?? null;
}

/** STS-POL-9: `*.com` or `*.co.uk`: the wildcard covers a whole public suffix. */
export function wildcardCoversPublicSuffix(pattern: string): boolean {
  if (!isWildcardPattern(pattern)) return false;
  const suffix = normalizeHost(pattern.slice(2));
  return suffix !== null && getDomain(suffix) === null;
}
