// One destination in a TLS-RPT `rua=` list (RPT-TXT-3): mailto: or https: only.

import { err, ok, type Result } from "../core/diagnostic";
import { normalizeHost } from "../mta-sts/mx-pattern";

export type RuaDestination =
  | { scheme: "mailto"; uri: string; address: string; domain: string }
  | { scheme: "https"; uri: string; url: string; domain: string };

/** RFC 3986 characters: unreserved, reserved and "%". */
const URI_CHARS_RE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
const BAD_PERCENT_RE = /%(?![0-9A-Fa-f]{2})/;
const SCHEME_RE = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Check one URI from a `rua=` list. The error is a message a person can act on. */
export function parseRuaUri(uri: string): Result<RuaDestination, string> {
  if (uri === "") return err(`The rua list has an empty entry: remove the extra ",".`);
  if (uri.includes("!")) {
    return err(
      `"${uri}" contains a raw "!": TLS-RPT has no DMARC-style size limit ("!10m"); remove it, or write "%21" if it is part of the address.`,
    );
  }
  if (!URI_CHARS_RE.test(uri) || BAD_PERCENT_RE.test(uri)) {
    return err(
      `"${uri}" is not a valid URI: spaces, quotes and non-ASCII characters must be percent-encoded.`,
    );
  }
  const scheme = SCHEME_RE.exec(uri)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const hint = uri.includes("@") ? ` Write "mailto:${uri}".` : "";
    return err(`"${uri}" has no scheme: use a mailto: or https: URI.${hint}`);
  }
  if (scheme === "mailto") return parseMailto(uri);
  if (scheme === "https") return parseHttps(uri);
  const hint = scheme === "http" ? " Plain http: is not allowed; use https:." : "";
  return err(`"${uri}" uses the scheme "${scheme}:": only mailto: and https: are defined.${hint}`);
}

function parseMailto(uri: string): Result<RuaDestination, string> {
  const target = uri.slice("mailto:".length).split("?")[0] ?? "";
  let address: string;
  try {
    address = decodeURIComponent(target);
  } catch {
    return err(`"${uri}" has an invalid percent-encoding.`);
  }
  const at = address.lastIndexOf("@");
  const domain = at > 0 ? normalizeHost(address.slice(at + 1)) : null;
  if (domain === null) {
    return err(`"${uri}" is not a mail address: write mailto:name@example.com.`);
  }
  return ok({ scheme: "mailto", uri, address: `${address.slice(0, at)}@${domain}`, domain });
}

function parseHttps(uri: string): Result<RuaDestination, string> {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return err(`"${uri}" is not a valid https URL.`);
  }
  if (url.hostname === "" || url.username !== "" || url.password !== "") {
    return err(`"${uri}" must name a host and carry no user name or password.`);
  }
  return ok({ scheme: "https", uri, url: url.href, domain: url.hostname.replace(/^\[|\]$/g, "") });
}
