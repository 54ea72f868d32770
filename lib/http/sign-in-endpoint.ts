import { NextRequest } from "next/server";
import { readCapped } from "@/lib/ingest/read-capped";
import { publicEndpoint, type PublicEndpointConfig } from "./public-endpoint";

// Sign-in is public (issue 11 §6-7): next-auth reads a POST body whole, of any size, and
// parses it on the event loop. This wrapper puts it behind the public-endpoint limits
// (per-source rate, in-flight cap) and hands next-auth a body of at most 16 KiB, already
// read, of one of the two types its forms send.

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
  return (req, ctx) => {
    ctxOf.set(req, ctx);
    return endpoint(req);
  };
}

const tooLarge = `the sign-in request is over the ${SIGN_IN_MAX_BODY / 1024} KiB limit`;

function refuse(status: number, line: string): Response {
  return new Response(`${line}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
