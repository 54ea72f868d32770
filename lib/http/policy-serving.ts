import type { Db } from "@/lib/db/client";
import { domainOfPolicyHost, findPolicyVersionForHost } from "@/lib/db/policies/policies";
import { mayCertifyPolicyHost } from "@/lib/db/policies/certificate-hosts";

// The two public answers about hosted policies: the policy file itself (reached through
// proxy.ts's rewrite of /.well-known/mta-sts.txt, chosen by Host) and Caddy's on-demand
// TLS question. Rate limits and the in-flight cap are the caller's (publicEndpoint).

const POLICY_HEADERS = {
  // STS-FETCH-8: text/plain (Snawoot rejects anything else); charset=utf-8 is one of the
  // two charsets senders accept, and the body is ASCII anyway.
  "Content-Type": "text/plain; charset=utf-8",
  // STS-FETCH-7 / RFC 8461 §8.2: a proxy in front may cache for a minute, so a new
  // version is live within 60 s, before the admin changes the TXT id (STS-OPS-5).
  "Cache-Control": "public, max-age=60",
  "X-Content-Type-Options": "nosniff",
};

const text = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/** The current version's exact bytes for the Host a sender used, else 404. */
export async function servePolicyFile(req: Request, db: Db): Promise<Response> {
  // A proxy that rewrites Host usually keeps the original in X-Forwarded-Host.
  const host = [req.headers.get("host"), req.headers.get("x-forwarded-host")].find(
    (h): h is string => h !== null && domainOfPolicyHost(h) !== null,
  );
  const version = host === undefined ? null : await findPolicyVersionForHost(db, host);
  if (!version) return text(404, "No MTA-STS policy is served for this host.\n");
  return new Response(version.body, { status: 200, headers: POLICY_HEADERS });
}

/** Caddy approves a certificate on 200 and refuses it on any other status. */
export async function answerTlsAsk(req: Request, db: Db): Promise<Response> {
  const host = new URL(req.url).searchParams.get("domain") ?? "";
  return (await mayCertifyPolicyHost(db, host))
    ? text(200, "ok\n")
    : text(404, "not a policy host served here\n");
}
