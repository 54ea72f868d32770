// Cross-site request forgery guard for the signed-in API (issue 11 §9). The session cookie
// goes with any request the browser makes, so a state-changing request must prove it came
// from one of our own pages:
// - Origin: browsers send it on every POST/PUT/PATCH/DELETE; it must name this host (the
//   Host header, or X-Forwarded-Host when a proxy rewrote Host: the same rule Next applies
//   to server actions). A page on another site cannot forge either header.
// - Without Origin, Sec-Fetch-Site: same-origin (sent by every current browser) will do.
// - The body must be JSON: an HTML form on another site can only send form or text
//   bodies, and a cross-site fetch() with application/json needs a CORS preflight we never
//   grant. The file upload sends the file's own bytes, so it skips this part only.

import type { MessageRef } from "../i18n/message-ref";

export const MUTATING_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type BodyKind = "json" | "file";

/** `ref`: the same sentence in the "apiErrors" namespace (issue 16 §6), so the wrapper
 * answers in the user's language. */
export type Refusal = { status: 403 | 415; error: string; ref: MessageRef };

/** The host the browser addressed: X-Forwarded-Host (first entry) or Host, lower-cased. */
function addressedHosts(headers: Headers): string[] {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = headers.get("host")?.trim();
  return [forwarded, host].filter((h): h is string => !!h).map((h) => h.toLowerCase());
}

/** null when the request comes from a page of this site; otherwise why it is refused. */
export function crossSiteRefusal(headers: Headers): Refusal | null {
  const origin = headers.get("origin");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = origin === "null" ? null : new URL(origin).host.toLowerCase();
    } catch {
      originHost = null;
    }
    if (originHost !== null && addressedHosts(headers).includes(originHost)) return null;
    const shown = origin.slice(0, 100);
    return {
      status: 403,
      error: `Refused: this request came from another site (Origin ${shown}).`,
      ref: { key: "crossSiteOrigin", params: { origin: shown } },
    };
  }
  if (headers.get("sec-fetch-site") === "same-origin") return null;
  return {
    status: 403,
    error:
      "Refused: a request that changes data must come from this site " +
      "(send an Origin header naming this host, as browsers do).",
    ref: { key: "crossSiteNoOrigin" },
  };
}

/** The media type without parameters, lower-cased: "application/json; charset=utf-8" → "application/json". */
function mediaType(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * For a signed-in route handler: null when the request may go on. GET and HEAD always
 * may; mutating methods need a same-site origin and (unless the body is a file) JSON.
 */
export function mutationRefusal(req: Request, body: BodyKind = "json"): Refusal | null {
  if (!MUTATING_METHODS.has(req.method.toUpperCase())) return null;
  const crossSite = crossSiteRefusal(req.headers);
  if (crossSite) return crossSite;
  if (body === "json" && mediaType(req.headers) !== "application/json") {
    const sent = mediaType(req.headers).slice(0, 100);
    return {
      status: 415,
      error:
        "Send the request body as JSON (Content-Type: application/json); " +
        (sent ? `this request sent ${sent}.` : "this request sent no Content-Type."),
      ref: sent ? { key: "bodyNotJson", params: { sent } } : { key: "bodyNoContentType" },
    };
  }
  return null;
}
