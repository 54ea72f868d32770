import { NextResponse, type NextRequest } from "next/server";
import { servedOverHttps } from "@/lib/config/https";
import { newRequestId, REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";

// Hosted policies (STS-FETCH-1) never pass through here: next.config.ts rewrites
// /.well-known/mta-sts.txt to the policy route internally. A rewrite returned from this
// proxy to a URL whose host is the sender's Host header (mta-sts.<domain>) is treated by
// Next as external and proxied over the network back to the app, which failed under
// parallel fetches (ECONNRESET → 500) and fails behind a TLS-terminating proxy.
export function proxy(request: NextRequest) {
  return securePage(request);
}

// Pages (issue 11 §9): a fresh CSP nonce per request, handed to Next's renderer through the
// request's Content-Security-Policy header (Next copies the nonce onto its scripts), and
// the security headers on the response. Pages only render: every change goes to a route
// handler under /api (issue 13 §2, no server actions), so any other method is refused here
// before Next would look for a server action to run.
function securePage(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return NextResponse.json(
      { error: "Pages only answer GET; changes go to the API." },
      { status: 405, headers: { Allow: "GET, HEAD" } },
    );
  }
  const headers = pageSecurityHeaders({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    https: servedOverHttps(request.headers.get("x-forwarded-proto")),
  });
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  // A fresh id per request (one sent by the client is replaced): shown on the error pages,
  // logged with the error (instrumentation.ts onRequestError), returned in the response.
  const requestId = newRequestId();
  forwarded.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

// Literal strings only: Next reads the matcher at build time.
export const config = {
  matcher: [
    // Every page. Not the API: with proxy in front Next buffers request bodies (10 MB cap),
    // which would cut the report upload short; the API answers JSON, not pages. Not the
    // hosted policy either (next.config.ts rewrites it; plain text for mail servers).
    "/((?!api/|\\.well-known/|_next/static/|_next/image|icon.svg|favicon.ico).*)",
  ],
};
