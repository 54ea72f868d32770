import { NextResponse, type NextRequest } from "next/server";
import { servedOverHttps } from "@/lib/config/https";
import { newRequestId, REQUEST_ID_HEADER } from "@/lib/http/request-id";
import { newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";

const POLICY_PATH = "/.well-known/mta-sts.txt";

export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === POLICY_PATH) return rewritePolicy(request);
  return securePage(request);
}

// Hosted policies (STS-FETCH-1): https://mta-sts.<domain>/.well-known/mta-sts.txt reaches
// this app through a TLS-terminating reverse proxy with the Host header intact. A route
// under a dot-folder is unreliable, so the path is rewritten to an ordinary route that
// picks the policy by Host. No redirect and no session check here (STS-FETCH-6: senders
// never follow redirects; the policy is public). None of the page headers below either:
// the policy is plain text for mail servers (STS-FETCH-8), not a page.
function rewritePolicy(request: NextRequest) {
  const url = request.nextUrl.clone();
  url.pathname = "/api/mta-sts";
  url.search = "";
  return NextResponse.rewrite(url);
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
    "/.well-known/mta-sts.txt",
    // Every page. Not the API: with proxy in front Next buffers request bodies (10 MB cap),
    // which would cut the report upload short; the API answers JSON, not pages.
    "/((?!api/|_next/static/|_next/image|icon.svg|favicon.ico).*)",
  ],
};
