import { getDb } from "@/lib/db/client";
import { findPolicyVersionForHost } from "@/lib/db/policies/policies";
import { guarded } from "@/lib/http/handler";

// PUBLIC: Caddy's on-demand TLS "ask" endpoint. Caddy asks before it requests a
// certificate for a host; only mta-sts.<managed domain with a policy> gets a yes, so
// nobody can make this installation request certificates for names it does not serve.
export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  return guarded(async () => {
    const host = new URL(req.url).searchParams.get("domain") ?? "";
    const version = await findPolicyVersionForHost(await getDb(), host);
    return new Response(version ? "ok\n" : "not a managed policy host\n", {
      status: version ? 200 : 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  });
}
