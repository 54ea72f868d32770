import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { currentPolicyVersion } from "@/lib/db/policies/policies";
import { withDomain } from "@/lib/http/with-domain";
import { liveDns } from "@/lib/rollout/live";
import { ruaConfig } from "@/lib/config/report-endpoint";
import { verifyDns } from "@/lib/rollout/verify-dns";

// GET: the live _mta-sts TXT record compared with the id of the served version, after a switch.
export const GET = withDomain("viewer", async (_req, _user, domain) => {
  const policy = await currentPolicyVersion(await getDb(), domain.id);
  const v = await verifyDns(domain.name, policy?.policyId ?? null, ruaConfig().uris, liveDns());
  return NextResponse.json(v.sts);
});
