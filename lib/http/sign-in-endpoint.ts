import { NextRequest } from "next/server";
import { busyCode, rateLimitedCode } from "@/lib/auth/sign-in-messages";
import { readCapped } from "@/lib/ingest/read-capped";
import { publicEndpoint, type PublicEndpointConfig } from "./public-endpoint";

// Sign-in is public (issue 11 §6-7): next-auth reads a POST body whole, of any size, and
// parses it on the event loop. This wrapper puts it behind the public-endpoint limits
// (per-source rate, in-flight cap) and hands next-auth a body of at most 16 KiB, already
// read, of one of the two types its forms send. Its refusals for the rate (429) and the
// in-flight cap (503) answer in next-auth's JSON shape, `{url: "…?error=<code>"}`: next-auth's
// client reads the body of every answer as JSON, and a plain-text refusal made its signIn()
// throw, which left the form on "Signing in…" for good (seen in CI when the e2e suite's
// sign-ins from one address passed 30 a minute). The form names the wait instead.

/** A sign-in form (CSRF token, e-mail, password, callback URL) is far below this. */
export const SIGN_IN_MAX_BODY = 16 * 1024;
const ACCEPTED = ["application/x-www-form-urlencoded", "application/json"];

type RouteHandler<C> = (req: NextRequest, ctx: C) => Promise<Response>;

export function cappedSignIn<C>(
  config: PublicEndpointConfig | (() => PublicEndpointConfig),
  handler: RouteHandler<C>,
): (req: Request, ctx: C) => Promise<Response> {
  // publicEndpoint hands its handler the same Request it was given; the route's ctx
  // (next-auth's [...nextauth] params) rides along with it here.
  const ctxOf = new WeakMap<Request, C>();
  const endpoint = publicEndpoint(config, async (req) => {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (!type || !ACCEPTED.includes(type)) {
      return refuse(415, `sign-in takes ${ACCEPTED.join(" or ")} only`);
    }
    const declared = Number(req.headers.get("content-length") ?? "0");
    if (declared > SIGN_IN_MAX_BODY) return refuse(413, tooLarge);
    const body = await readCapped(req, SIGN_IN_MAX_BODY);
    if (!body.ok) return refuse(413, tooLarge);
    const buffered = new NextRequest(req.url, {
      method: req.method,
      headers: req.headers,
      body: new Uint8Array(body.bytes),
    });
    return handler(buffered, ctxOf.get(req) as C);
  });
  return async (req, ctx) => {
    ctxOf.set(req, ctx);
    const res = await endpoint(req);
    return res.status === 429 || res.status === 503 ? forNextAuth(req, res) : res;
  };
}

/** A limiter's refusal as next-auth's client reads an answer: JSON with an error in `url`. */
async function forNextAuth(req: Request, res: Response): Promise<Response> {
  const seconds = Number(res.headers.get("retry-after") ?? "1") || 1;
  const code = res.status === 429 ? rateLimitedCode(seconds) : busyCode(seconds);
  const url = new URL(`/sign-in?error=${encodeURIComponent(code)}`, req.url).toString();
  const headers = new Headers(res.headers);
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ url, error: (await res.text()).trim() }), {
    status: res.status,
    headers,
  });
}

const tooLarge = `the sign-in request is over the ${SIGN_IN_MAX_BODY / 1024} KiB limit`;

function refuse(status: number, line: string): Response {
  return new Response(`${line}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
