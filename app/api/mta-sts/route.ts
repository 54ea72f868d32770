import { settings } from "@/lib/config/settings";
import { getDb } from "@/lib/db/client";
import { servePolicyFile } from "@/lib/http/policy-serving";
import { publicEndpoint } from "@/lib/http/public-endpoint";
import { policyLimits } from "@/lib/http/public-limits";

// PUBLIC: the hosted policy, reached through next.config.ts's internal rewrite of
// /.well-known/mta-sts.txt. Chosen by Host; the current version's exact bytes.
// Rate-limited per source (generously) and capped in flight.
export const dynamic = "force-dynamic";

export const GET = publicEndpoint(
  () => policyLimits(settings()),
  async (req) => servePolicyFile(req, await getDb()),
);
