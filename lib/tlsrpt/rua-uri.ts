// One destination in a TLS-RPT `rua=` list (RPT-TXT-3): mailto: or https: only.

import { err, ok, type Result } from "../core/diagnostic";
import type { MessageRef } from "../i18n/message-ref";
import { normalizeHost } from "../mta-sts/mx-pattern";

export type RuaDestination =
  | { scheme: "mailto"; uri: string; address: string; domain: string }
  | { scheme: "https"; uri: string; url: string; domain: string };

/** Why a URI is refused: the English sentence, and its message in the "diagnostics"
 * namespace (`RPT-TXT-3.*`, issue 16 §6). */
export interface RuaProblem {
  message: string;
  ref: MessageRef;
}

const problem = (message: string, key: string, params: Record<string, string> = {}) =>
  err<RuaProblem>({ message, ref: { key: `RPT-TXT-3.${key}`, params } });

/** RFC 3986 characters: unreserved, reserved and "%". */
const URI_CHARS_RE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
const BAD_PERCENT_RE = /%(?![0-9A-Fa-f]{2})/;
const SCHEME_RE = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Check one URI from a `rua=` list. The error is a message a person can act on. */
export function parseRuaUri(uri: string): Result<RuaDestination, RuaProblem> {
  if (uri === "")
    return problem(`The rua list has an empty entry: remove the extra ",".`, "emptyEntry");
  if (uri.includes("!")) {
    return problem(
      `"${uri}" contains a raw "!": TLS-RPT has no DMARC-style size limit ("!10m"); remove it, or write "%21" if it is part of the address.`,
      "sizeLimit",
      { uri },
    );
  }
  if (!URI_CHARS_RE.test(uri) || BAD_PERCENT_RE.test(uri)) {
    return problem(
      `"${uri}" is not a valid URI: spaces, quotes and non-ASCII characters must be percent-encoded.`,
      "notUri",
      { uri },
    );
  }
  const scheme = SCHEME_RE.exec(uri)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return uri.includes("@")
      ? problem(
          `"${uri}" has no scheme: use a mailto: or https: URI. Write "mailto:${uri}".`,
          "noSchemeAddress",
          { uri },
        )
      : problem(`"${uri}" has no scheme: use a mailto: or https: URI.`, "noScheme", { uri });
  }
  if (scheme === "mailto") return parseMailto(uri);
  if (scheme === "https") return parseHttps(uri);
  return scheme === "http"
    ? problem(
        `"${uri}" uses the scheme "${scheme}:": only mailto: and https: are defined. Plain http: is not allowed; use https:.`,
        "plainHttp",
        { uri, scheme },
      )
    : problem(
        `"${uri}" uses the scheme "${scheme}:": only mailto: and https: are defined.`,
        "otherScheme",
        { uri, scheme },
      );
}

function parseMailto(uri: string): Result<RuaDestination, RuaProblem> {
  const target = uri.slice("mailto:".length).split("?")[0] ?? "";
  let address: string;
  try {
    address = decodeURIComponent(target);
  } catch {
    return problem(`"${uri}" has an invalid percent-encoding.`, "badPercent", { uri });
  }
  const at = address.lastIndexOf("@");
  const domain = at > 0 ? normalizeHost(address.slice(at + 1)) : null;
  if (domain === null) {
    return problem(`"${uri}" is not a mail address: write mailto:name@example.com.`, "notAddress", {
      uri,
    });
  }
  return ok({ scheme: "mailto", uri, address: `${address.slice(0, at)}@${domain}`, domain });
}

function parseHttps(uri: string): Result<RuaDestination, RuaProblem> {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return problem(`"${uri}" is not a valid https URL.`, "notHttpsUrl", { uri });
  }
  if (url.hostname === "" || url.username !== "" || url.password !== "") {
    return problem(`"${uri}" must name a host and carry no user name or password.`, "hostOnly", {
      uri,
    });
  }
  return ok({ scheme: "https", uri, url: url.href, domain: url.hostname.replace(/^\[|\]$/g, "") });
}
