import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { answerTlsAsk } from "@/lib/http/policy-serving";
import { publicEndpoint } from "@/lib/http/public-endpoint";
import { tlsAskLimits } from "@/lib/http/public-limits";

// PUBLIC: Caddy's on-demand TLS "ask" endpoint. Caddy asks before it requests a
// certificate for a host; only mta-sts.<domain hosted here with a current policy> gets a
// 200, so nobody can make this installation request certificates for names it does not
// serve. Rate-limited and capped in flight like the other public endpoints.
export const dynamic = "force-dynamic";

export const GET = publicEndpoint(
  () => tlsAskLimits(settings()),
  async (req) => answerTlsAsk(req, await getDb()),
);
