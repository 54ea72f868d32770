import { getDb } from "@/lib/db/client";
import { domainOfPolicyHost, findPolicyVersionForHost } from "@/lib/db/policies/policies";
import { guarded } from "@/lib/http/handler";

// PUBLIC: the hosted policy, reached through proxy.ts's rewrite of
// /.well-known/mta-sts.txt. Chosen by Host; the current version's exact bytes.
export const dynamic = "force-dynamic";

const HEADERS = {
  // STS-FETCH-8: text/plain (Snawoot rejects anything else); charset=utf-8 is one of the
  // two charsets senders accept, and the body is ASCII anyway.
  "Content-Type": "text/plain; charset=utf-8",
  // STS-FETCH-7 / RFC 8461 §8.2: a proxy in front may cache for a minute, so a new
  // version is live within 60 s, before the admin changes the TXT id (STS-OPS-5).
  "Cache-Control": "public, max-age=60",
  "X-Content-Type-Options": "nosniff",
};

export async function GET(req: Request): Promise<Response> {
  return guarded(async () => {
    // The Host a sender used; a proxy that rewrites Host usually keeps it in X-Forwarded-Host.
    const host = [req.headers.get("host"), req.headers.get("x-forwarded-host")].find(
      (h): h is string => h !== null && domainOfPolicyHost(h) !== null,
    );
    if (host === undefined) return notServed();
    const version = await findPolicyVersionForHost(await getDb(), host);
    if (!version) return notServed();
    return new Response(version.body, { status: 200, headers: HEADERS });
  });
}

const notServed = (): Response =>
  new Response("No MTA-STS policy is served for this host.\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
