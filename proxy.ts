import { NextResponse, type NextRequest } from "next/server";

// Hosted policies (STS-FETCH-1): https://mta-sts.<domain>/.well-known/mta-sts.txt reaches
// this app through a TLS-terminating reverse proxy with the Host header intact. A route
// under a dot-folder is unreliable, so the path is rewritten to an ordinary route that
// picks the policy by Host. No redirect and no session check here (STS-FETCH-6: senders
// never follow redirects; the policy is public).
export function proxy(request: NextRequest) {
  const url = request.nextUrl.clone();
  url.pathname = "/api/mta-sts";
  url.search = "";
  return NextResponse.rewrite(url);
}

export const config = { matcher: "/.well-known/mta-sts.txt" };
